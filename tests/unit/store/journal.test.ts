import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppendFile } from '../../../electron/core/store/durable-file';
import { useTempDirs } from '../../helpers/temp-dir';
import { notesCollection, openTestWorkspace, tagsCollection } from './collections';

const tempDir = useTempDirs();

describe('journal and snapshot', () => {
  it('appends one line per change and reads the records back after a reopen', async () => {
    const dir = await tempDir();
    const first = await openTestWorkspace(dir);
    await first.transact((tx) => tx.put(notesCollection, { id: 'n1', text: 'Banjska', tags: [] }));
    await first.transact((tx) => tx.put(notesCollection, { id: 'n1', text: 'Banjska, September 2023', tags: ['security'] }));
    await first.transact((tx) => tx.put(tagsCollection, { id: 't1', label: 'security' }));
    const lines = (await readFile(join(dir, 'notes.journal'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ seq: 1, id: 'n1', op: 'put', author: first.user.id, record: { text: 'Banjska' } });
    expect(lines[1].parent).toBe(lines[0].rev);
    expect(lines[1].rev).toMatch(/^2-[0-9a-f]{32}$/);
    await first.close();

    const second = await openTestWorkspace(dir, { readOnly: true });
    expect(second.records(notesCollection).get('n1')).toEqual({ id: 'n1', text: 'Banjska, September 2023', tags: ['security'] });
    expect(second.records(tagsCollection).size).toBe(1);
    expect(second.records(notesCollection).entry('n1')?.revisions).toEqual([lines[1].rev, lines[0].rev]);
    expect(second.notices).toEqual([]);
    await second.close();
  });

  it('writes a burst of saves made in one tick with one append and one fsync', async () => {
    const dir = await tempDir();
    const workspace = await openTestWorkspace(dir);
    await workspace.transact((tx) => tx.put(notesCollection, { id: 'warm', text: '', tags: [] }));
    const append = vi.spyOn(AppendFile.prototype, 'append');
    await Promise.all(Array.from({ length: 50 }, (_, n) => workspace.transact((tx) => tx.put(notesCollection, { id: `n${n}`, text: `note ${n}`, tags: [] }))));
    expect(append).toHaveBeenCalledTimes(1);
    append.mockRestore();
    expect(workspace.records(notesCollection).size).toBe(51);
    await workspace.close();
  });

  it('a transaction that throws writes nothing, and the others of its burst are written', async () => {
    const dir = await tempDir();
    const workspace = await openTestWorkspace(dir);
    const results = await Promise.allSettled([
      workspace.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'kept', tags: [] })),
      workspace.transact((tx) => {
        tx.put(notesCollection, { id: 'b', text: 'dropped', tags: [] });
        throw new Error('refused');
      }),
      workspace.transact((tx) => tx.put(notesCollection, { id: 'c', text: 'kept', tags: [] })),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect([...workspace.records(notesCollection).values()].map((note) => note.id).sort()).toEqual(['a', 'c']);
    await workspace.close();
    const reopened = await openTestWorkspace(dir, { readOnly: true });
    expect([...reopened.records(notesCollection).values()].map((note) => note.id).sort()).toEqual(['a', 'c']);
    await reopened.close();
  });

  it('compacts into the snapshot at close and keeps a backup of it', async () => {
    const dir = await tempDir();
    const workspace = await openTestWorkspace(dir);
    await workspace.transact((tx) => tx.put(notesCollection, { id: 'n1', text: 'x', tags: [] }));
    await workspace.close();
    const snapshot = JSON.parse(await readFile(join(dir, 'notes.json'), 'utf8'));
    expect(snapshot).toMatchObject({ schemaVersion: 2, seq: 1, records: { n1: { record: { id: 'n1', text: 'x' }, seq: 1 } } });
    expect(snapshot.projectId).toMatch(/^fw-/);
    expect(await readFile(join(dir, 'notes.journal'), 'utf8')).toBe('');
    expect(await readdir(join(dir, 'backups', 'notes'))).toHaveLength(2);
  });
});
