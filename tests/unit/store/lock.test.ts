import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileName, WorkspaceLock } from '../../../electron/core/store/lock';
import { processStartTime } from '../../../electron/core/store/process-identity';
import { useTempDirs } from '../../helpers/temp-dir';
import { notesCollection, openTestWorkspace } from './collections';

const tempDir = useTempDirs();

/** A lock file as another process would have written it. */
async function plantLock(dir: string, fields: { pid: number; startTime?: string; holder?: string; host?: string }) {
  const info = { pid: fields.pid, ...(fields.startTime ? { startTime: fields.startTime } : {}), hostname: fields.host ?? hostname(), holder: fields.holder ?? 'the Field Workbench app', since: '2026-12-04T09:00:00.000Z', nonce: 'feedface' };
  await writeFile(join(dir, lockFileName), JSON.stringify(info));
}

/** A real, running process whose start time we know. */
function sleeper() {
  const child = spawn('sleep', ['60']);
  return { child, pid: child.pid!, stop: () => new Promise((resolve) => (child.kill(), child.once('exit', resolve))) };
}

describe('the workspace lock', () => {
  it('is created whole, records pid, start time, host and holder, and is gone once its writer closes', async () => {
    const dir = await tempDir();
    const lock = new WorkspaceLock(dir, 'the CLI');
    const lease = await lock.acquire();
    const info = JSON.parse(await readFile(join(dir, lockFileName), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, hostname: hostname(), holder: 'the CLI', nonce: expect.stringMatching(/^[0-9a-f]{16}$/) });
    if (process.platform === 'linux') expect(info.startTime).toBe(processStartTime(process.pid));
    lease.release();
    // What remains is the process's candidate, the file it links as the lock each time; it
    // goes when the lock is disposed of (the workspace closes).
    expect(await readdir(dir)).toEqual([expect.stringMatching(/^\.workbench\.lock\.[0-9a-f]{16}\.candidate$/)]);
    // The lock's time is when it was taken (the link's ctime), not when the candidate was made.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await lock.acquire();
    const since = Date.parse(JSON.parse(await readFile(join(dir, lockFileName), 'utf8')).since);
    const otherLock = new WorkspaceLock(dir, 'someone else');
    const other = otherLock.tryAcquire();
    otherLock.dispose();
    expect('holder' in other && other.holder?.since).toBeTruthy();
    if ('holder' in other) expect(Date.parse(other.holder!.since)).toBeGreaterThan(since);
    again.release();
    lock.dispose();
    expect(await readdir(dir)).toEqual([]);

    // A writer told not to keep the lock between batches lets go after each write.
    const unheld = await openTestWorkspace(dir, { hold: { idleMs: 0 } });
    await unheld.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'x', tags: [] }));
    expect(await readdir(dir)).not.toContain(lockFileName);
    await unheld.close();
    // One that keeps it (held-lock.test.ts) lets go at close at the latest.
    const workspace = await openTestWorkspace(dir, { hold: { idleMs: 60_000 } });
    await workspace.transact((tx) => tx.put(notesCollection, { id: 'b', text: 'x', tags: [] }));
    expect(await readdir(dir)).toContain(lockFileName);
    await workspace.close();
    expect((await readdir(dir)).filter((name) => name.startsWith(lockFileName))).toEqual([]);
  });

  it("removes the candidate of a killed process, never a live one's", async () => {
    const dir = await tempDir();
    const gone = sleeper();
    const pid = gone.pid;
    await gone.stop();
    const live = sleeper();
    try {
      const candidate = (nonce: string, owner: number, startTime?: string) =>
        writeFile(join(dir, `${lockFileName}.${nonce}.candidate`), JSON.stringify({ pid: owner, ...(startTime ? { startTime } : {}), hostname: hostname(), holder: 'the workbench CLI', since: '2026-12-04T09:00:00.000Z', nonce }));
      await candidate('deaddeaddeaddead', pid);
      const liveStart = processStartTime(live.pid);
      await candidate('beefbeefbeefbeef', live.pid, liveStart);
      const lock = new WorkspaceLock(dir, 'the app');
      (await lock.acquire()).release();
      const names = await readdir(dir);
      expect(names).not.toContain(`${lockFileName}.deaddeaddeaddead.candidate`);
      expect(names).toContain(`${lockFileName}.beefbeefbeefbeef.candidate`);
      lock.dispose();
    } finally {
      await live.stop();
    }
  });

  it('makes a second writer wait its turn, then write', async () => {
    const dir = await tempDir();
    const holder = await new WorkspaceLock(dir, 'the app').acquire();
    // Readers need no lock.
    const reader = await openTestWorkspace(dir, { readOnly: true });
    await reader.close();
    let opened = false;
    const opening = openTestWorkspace(dir, { lockWaitMs: 10_000 }).then((workspace) => {
      opened = true;
      return workspace;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(opened).toBe(false);
    holder.release();
    const writer = await opening;
    await writer.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'waited', tags: [] }));
    await writer.close();
  });

  it('gives up after the wait with LOCKED, naming who holds the lock', async () => {
    const dir = await tempDir();
    const first = await openTestWorkspace(dir);
    const holder = await new WorkspaceLock(dir, 'the Field Workbench app').acquire();
    const waits: string[] = [];
    const second = await openTestWorkspace(dir, { lockWaitMs: 1200, onLockWait: (info) => waits.push(info.holder) }).catch((error: unknown) => error);
    expect(second).toMatchObject({ code: 'LOCKED', message: expect.stringMatching(/the Field Workbench app \(process \d+ on .*\) has been writing to it since/) });
    expect(waits).toEqual(['the Field Workbench app']);
    // Writes wait the same way, and succeed once the holder is done.
    const pending = first.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'after the wait', tags: [] }));
    setTimeout(() => holder.release(), 300);
    await pending;
    expect(first.records(notesCollection).get('a')?.text).toBe('after the wait');
    await first.close();
  });

  it('takes over a lock whose process is gone', async () => {
    const dir = await tempDir();
    const gone = sleeper();
    const pid = gone.pid;
    await gone.stop();
    await plantLock(dir, { pid });
    const workspace = await openTestWorkspace(dir, { lockWaitMs: 0 });
    await workspace.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'x', tags: [] }));
    expect(workspace.records(notesCollection).size).toBe(1);
    await workspace.close();
  });

  it('takes over a lock whose pid now belongs to another process (its start time differs), but not a live holder', async () => {
    const dir = await tempDir();
    const live = sleeper();
    try {
      const startTime = processStartTime(live.pid);
      // The same pid with its real start time is a live holder: refused.
      await plantLock(dir, { pid: live.pid, ...(startTime ? { startTime } : {}) });
      await expect(openTestWorkspace(dir, { lockWaitMs: 200 })).rejects.toMatchObject({ code: 'LOCKED' });
      if (process.platform !== 'linux') return;
      // The same pid recorded with another start time: that process is gone, the pid reused.
      await plantLock(dir, { pid: live.pid, startTime: String(Number(startTime) - 1000) });
      const workspace = await openTestWorkspace(dir, { lockWaitMs: 0 });
      await workspace.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'x', tags: [] }));
      await workspace.close();
    } finally {
      await live.stop();
    }
  });

  it('lets exactly one of many contenders take over the same stale lock', async () => {
    const dir = await tempDir();
    const gone = sleeper();
    const pid = gone.pid;
    await gone.stop();
    await plantLock(dir, { pid });
    const locks = Array.from({ length: 8 }, (_, n) => new WorkspaceLock(dir, `contender ${n}`));
    const attempts = locks.map((lock) => lock.tryAcquire());
    const winners = attempts.filter((attempt) => 'release' in attempt);
    expect(winners).toHaveLength(1);
    for (const winner of winners) if ('release' in winner) winner.release();
  });
});
