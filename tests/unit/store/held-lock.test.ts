import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileName, waitingFileName } from '../../../electron/core/store/lock';
import { repoRoot } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { notesCollection, openTestWorkspace } from './collections';

const tempDir = useTempDirs();

function child(script: string, dir: string) {
  return spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/unit/store/support', script), dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Lines the child prints that start with "ack", as they come. */
function acks(process: ReturnType<typeof child>): { count: () => number } {
  let count = 0;
  let buffer = '';
  process.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    count += lines.filter((line) => line.startsWith('ack')).length;
  });
  return { count: () => count };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('the write lock kept between batches', () => {
  it('is kept after a write, released when its writer goes idle: another writer gets in and the first reads what it wrote', async () => {
    const dir = await tempDir();
    const first = await openTestWorkspace(dir, { holder: 'the first writer' });
    await first.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'first', tags: [] }));
    expect(await readdir(dir)).toContain(lockFileName);
    // The first stays open and writes nothing more: the second waits for its idle release.
    const second = await openTestWorkspace(dir, { holder: 'the second writer', lockWaitMs: 10_000 });
    await second.transact((tx) => tx.put(notesCollection, { id: 'b', text: 'second', tags: [] }));
    await second.close();
    // The first takes the lock afresh, so it catches up before writing.
    await first.transact((tx) => tx.put(notesCollection, { id: 'c', text: `after ${tx.get(notesCollection, 'b')?.text}`, tags: [] }));
    expect(first.records(notesCollection).get('c')?.text).toBe('after second');
    await first.close();
    const reader = await openTestWorkspace(dir, { readOnly: true });
    expect([...reader.records(notesCollection).values()].map((note) => note.id).sort()).toEqual(['a', 'b', 'c']);
    await reader.close();
    expect((await readdir(dir)).filter((name) => name.startsWith(lockFileName))).toEqual([]);
  });

  it('is released at close even when its writer would keep it longer', async () => {
    const dir = await tempDir();
    const first = await openTestWorkspace(dir, { hold: { idleMs: 60_000, maxHoldMs: 60_000 } });
    await first.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'x', tags: [] }));
    expect(await readdir(dir)).toContain(lockFileName);
    await first.close();
    const second = await openTestWorkspace(dir, { lockWaitMs: 0 });
    await second.transact((tx) => tx.put(notesCollection, { id: 'b', text: 'y', tags: [] }));
    await second.close();
  });

  it('is released when its process ends without closing the workspace', { timeout: 60_000 }, async () => {
    const dir = await tempDir();
    const writer = child('hold-then-end.ts', dir);
    const acknowledged = acks(writer);
    const code = await new Promise<number | null>((resolve) => writer.once('exit', resolve));
    expect(code).toBe(0);
    expect(acknowledged.count()).toBe(1);
    expect((await readdir(dir)).filter((name) => name.startsWith(lockFileName))).toEqual([]);
    const next = await openTestWorkspace(dir, { lockWaitMs: 0 });
    expect(next.records(notesCollection).get('from-child')?.text).toBe('written, then the process ended');
    await next.close();
  });

  it('is let go for a writer that waits, while its own process keeps writing without a pause', { timeout: 120_000 }, async () => {
    const dir = await tempDir();
    // The write loop saves back to back (compacting every 25 writes), so it is never idle.
    const loop = child('write-loop.ts', dir);
    const looped = acks(loop);
    try {
      await until(() => looped.count() >= 20);
      const waiter = await openTestWorkspace(dir, { holder: 'a waiting writer', lockWaitMs: 30_000 });
      for (let n = 0; n < 5; n++) {
        const before = looped.count();
        await waiter.transact((tx) => tx.put(notesCollection, { id: `w${n}`, text: `waited ${n}`, tags: [] }));
        // Both take turns: the loop goes on between the waiter's writes.
        await until(() => looped.count() > before);
      }
      expect([0, 1, 2, 3, 4].map((n) => waiter.records(notesCollection).get(`w${n}`)?.text)).toEqual(['waited 0', 'waited 1', 'waited 2', 'waited 3', 'waited 4']);
      await waiter.close();
    } finally {
      loop.kill('SIGKILL');
      await new Promise((resolve) => loop.once('exit', resolve));
    }
    // Whoever took the lock last removed the waiting sign.
    const reader = await openTestWorkspace(dir, { lockWaitMs: 10_000 });
    await reader.transact((tx) => tx.put(notesCollection, { id: 'last', text: 'after the loop', tags: [] }));
    for (let n = 0; n < 5; n++) expect(reader.records(notesCollection).get(`w${n}`)?.text).toBe(`waited ${n}`);
    await reader.close();
    expect(await readdir(dir)).not.toContain(waitingFileName);
  });
});
