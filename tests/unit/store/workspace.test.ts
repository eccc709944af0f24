import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Low } from 'lowdb';
import { openWorkspace, Workspace } from '../../../electron/core/store';
import { listBackups } from '../../../electron/core/store/backups';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const repoRoot = resolve(import.meta.dirname, '../../..');

describe('workspace store', () => {
  it('persists updates across a close and reopen, one file per collection with its schema version', async () => {
    const dir = await tempDir();
    const first = await openWorkspace(dir, { holder: 'test' });
    await first.topics.update((draft) => {
      draft.topics.push({ id: 't1', name: 'Trust in police' });
    });
    await first.close();

    const onDisk = JSON.parse(await readFile(join(dir, 'topics.json'), 'utf8'));
    expect(onDisk).toEqual({ schemaVersion: Workspace.schemaVersions.topics, data: { topics: [{ id: 't1', name: 'Trust in police' }] } });
    const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
    expect(files).toEqual(['annotations.json', 'drafts.json', 'entities.json', 'library.json', 'settings.json', 'topics.json']);

    const second = await openWorkspace(dir, { holder: 'test' });
    expect(second.topics.get().topics).toEqual([{ id: 't1', name: 'Trust in police' }]);
    expect(second.notices).toEqual([]);
    await second.close();
  });

  it('coalesces a burst of updates into few writes, and every update resolves', async () => {
    const dir = await tempDir();
    const workspace = await openWorkspace(dir, { holder: 'test' });
    const write = vi.spyOn(Low.prototype, 'write');
    await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        workspace.annotations.update((draft) => {
          draft.annotations.push({ id: `a${n}` });
        }),
      ),
    );
    expect(write.mock.calls.length).toBeLessThanOrEqual(2);
    write.mockRestore();
    await workspace.close();
    const reopened = await openWorkspace(dir, { holder: 'test' });
    expect(reopened.annotations.get().annotations).toHaveLength(100);
    await reopened.close();
  });

  it('moves a truncated file aside, restores the last good backup and tells the user', async () => {
    const dir = await tempDir();
    const first = await openWorkspace(dir, { holder: 'test' });
    await first.topics.update((draft) => {
      draft.topics.push({ id: 't1', name: 'North Kosovo' });
    });
    await first.close();
    // The next open backs up the good file.
    const second = await openWorkspace(dir, { holder: 'test' });
    await second.close();
    expect((await listBackups(dir, 'topics')).length).toBeGreaterThan(0);

    const path = join(dir, 'topics.json');
    const good = await readFile(path, 'utf8');
    await writeFile(path, good.slice(0, Math.floor(good.length / 2)));

    const recovered = await openWorkspace(dir, { holder: 'test' });
    expect(recovered.topics.get().topics).toEqual([{ id: 't1', name: 'North Kosovo' }]);
    expect(recovered.notices).toHaveLength(1);
    const notice = recovered.notices[0]!;
    expect(notice.kind).toBe('recovered-from-backup');
    expect(notice.message).toMatch(/topics\.json was damaged/);
    expect(await readFile(notice.movedTo!, 'utf8')).toBe(good.slice(0, Math.floor(good.length / 2)));
    await recovered.close();
  });

  it('never silently replaces a damaged file without a backup: it is kept and the user told', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'drafts.json'), '{"schemaVersion":1,"data":{"drafts":[{"id":');
    const workspace = await openWorkspace(dir, { holder: 'test' });
    expect(workspace.notices.map((notice) => notice.kind)).toEqual(['reset-without-backup']);
    expect(await readFile(workspace.notices[0]!.movedTo!, 'utf8')).toContain('"drafts"');
    await workspace.close();
  });

  it('refuses a file written by a newer version instead of overwriting it', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({ schemaVersion: 99, data: { topics: [] } });
    await writeFile(join(dir, 'topics.json'), text);
    await expect(openWorkspace(dir, { holder: 'test' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readFile(join(dir, 'topics.json'), 'utf8')).toBe(text);
    // The failed open released its lock.
    const workspace = await openWorkspace(join(dir, 'other'), { holder: 'test' });
    await workspace.close();
  });

  it('refuses a second writer while the first holds the lock, and takes over a stale lock', async () => {
    const dir = await tempDir();
    const holder = spawn('sleep', ['30']);
    try {
      await writeFile(join(dir, '.workbench.lock'), JSON.stringify({ pid: holder.pid, holder: 'the app', since: 'now' }));
      await expect(openWorkspace(dir, { holder: 'the CLI' })).rejects.toMatchObject({ code: 'LOCKED', message: expect.stringMatching(/open in the app/) });
      const reader = await openWorkspace(dir, { holder: 'the CLI', readOnly: true });
      await expect(reader.topics.update(() => {})).rejects.toThrow(/read-only/);
      await reader.close();
    } finally {
      holder.kill();
    }
    await new Promise((done) => holder.once('exit', done));
    const workspace = await openWorkspace(dir, { holder: 'the CLI' });
    await workspace.close();
  });

  it('keeps every acknowledged write when the process is killed with SIGKILL mid-burst', async () => {
    const dir = await tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/unit/store/burst-writer.ts'), dir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acknowledged: number[] = [];
    await new Promise<void>((done) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) acknowledged.push(Number(line.slice(4)));
        if (acknowledged.length >= 500 && !child.killed) {
          child.kill('SIGKILL');
          done();
        }
      });
      child.once('exit', () => done());
    });
    await new Promise((done) => (child.exitCode === null && child.signalCode === null ? child.once('exit', done) : done(null)));
    expect(child.signalCode).toBe('SIGKILL');

    const workspace = await openWorkspace(dir, { holder: 'test' });
    expect(workspace.notices).toEqual([]);
    const ids = new Set(workspace.annotations.get().annotations.map((annotation) => annotation.id));
    const missing = acknowledged.filter((n) => !ids.has(`a${n}`));
    expect(missing).toEqual([]);
    await workspace.close();
  });
});
