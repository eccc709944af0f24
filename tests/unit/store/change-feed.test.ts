import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { WorkspaceChangeBatch } from '../../../electron/core/store';
import { useTempDirs } from '../../helpers/temp-dir';
import { notesCollection, openTestWorkspace, tagsCollection } from './collections';

const tempDir = useTempDirs();

describe('the change feed', () => {
  it('lists each record once, at its latest change, in workspace order, filtered and paged', async () => {
    const workspace = await openTestWorkspace(await tempDir());
    await workspace.transact((tx) => tx.put(notesCollection, { id: 'a', text: '1', tags: [] })); // 1
    await workspace.transact((tx) => tx.put(tagsCollection, { id: 't', label: 'north' })); // 2
    await workspace.transact((tx) => tx.put(notesCollection, { id: 'b', text: '1', tags: [] })); // 3
    await workspace.transact((tx) => tx.put(notesCollection, { id: 'a', text: '2', tags: [] })); // 4
    await workspace.transact((tx) => tx.delete(notesCollection, 'b')); // 5

    const all = workspace.changes(0);
    expect(all.results.map((change) => [change.seq, change.collection, change.id, change.deleted])).toEqual([
      [2, 'tags', 't', false],
      [4, 'notes', 'a', false],
      [5, 'notes', 'b', true],
    ]);
    expect(all.lastSeq).toBe(5);
    expect(workspace.changes(4).results.map((change) => change.id)).toEqual(['b']);
    expect(workspace.changes(0, { collections: ['notes'] }).results.map((change) => change.id)).toEqual(['a', 'b']);
    const page = workspace.changes(0, { limit: 2 });
    expect(page).toMatchObject({ lastSeq: 4, results: [{ id: 't' }, { id: 'a' }] });
    expect(workspace.changes(page.lastSeq).results.map((change) => change.id)).toEqual(['b']);
    expect(workspace.changes(5)).toEqual({ results: [], lastSeq: 5 });
    await workspace.close();
  });

  it('survives compaction and reopening, and keeps counting from where it was', async () => {
    const dir = await tempDir();
    const workspace = await openTestWorkspace(dir);
    for (let n = 0; n < 5; n++) await workspace.transact((tx) => tx.put(notesCollection, { id: `n${n}`, text: String(n), tags: [] }));
    await workspace.transact((tx) => tx.delete(notesCollection, 'n1'));
    const before = workspace.changes(0);
    await workspace.compact();
    expect(workspace.changes(0)).toEqual(before);
    await workspace.close();

    const reopened = await openTestWorkspace(dir);
    expect(reopened.changes(0)).toEqual(before);
    expect(reopened.changes(3).results.map((change) => change.id)).toEqual(['n3', 'n4', 'n1']);
    const next = await reopened.transact((tx) => tx.put(notesCollection, { id: 'n9', text: 'later', tags: [] }));
    expect(reopened.changes(before.lastSeq).results).toEqual([{ seq: before.lastSeq + 1, collection: 'notes', id: 'n9', rev: next, deleted: false }]);
    await reopened.close();
  });

  it('tells subscribers of each batch once it is on disk, with the records before and after', async () => {
    const workspace = await openTestWorkspace(await tempDir());
    const batches: WorkspaceChangeBatch[] = [];
    workspace.subscribe((batch) => batches.push(batch));
    const perCollection: string[] = [];
    workspace.records(notesCollection).subscribe((changes) => perCollection.push(...changes.map((change) => change.id)));
    await Promise.all([
      workspace.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'x', tags: [] })),
      workspace.transact((tx) => tx.put(tagsCollection, { id: 't', label: 'y' })),
    ]);
    await workspace.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'z', tags: [] }));
    expect(batches).toHaveLength(2);
    expect(batches[0]!.changes.map((change) => change.id)).toEqual(['a', 't']);
    expect(batches[1]).toMatchObject({ origin: 'local', changes: [{ id: 'a', before: { text: 'x' }, after: { text: 'z' } }] });
    expect(perCollection).toEqual(['a', 'a']);
    await workspace.close();
  });

  it('tells whoever works ahead of a batch once its lines are written and before they are durable: before subscribers, before the save resolves, its own collection only', async () => {
    const dir = await tempDir();
    const workspace = await openTestWorkspace(dir);
    const events: string[] = [];
    let journalAtTelling = '';
    workspace.whileWriting(notesCollection, (changes) => {
      events.push(`writing ${changes.map((change) => `${change.id}:${change.after?.text ?? 'deleted'}`).join(',')}`);
      // The lines are in the journal already: only their fsync is outstanding.
      journalAtTelling = readFileSync(join(dir, 'notes.journal'), 'utf8');
      // Nothing is visible yet, to readers or to subscribers.
      events.push(`visible ${workspace.records(notesCollection).get('a')?.text ?? 'nothing'}`);
    });
    workspace.whileWriting(tagsCollection, () => {
      throw new Error('work done ahead that fails must not fail the save');
    });
    workspace.subscribe((batch) => events.push(`durable ${batch.changes.map((change) => change.id).join(',')}`));
    const saved = Promise.all([
      workspace.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'first', tags: [] })),
      workspace.transact((tx) => tx.put(tagsCollection, { id: 't', label: 'north' })),
    ]).then(() => events.push('resolved'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await saved;
      await workspace.transact((tx) => tx.delete(notesCollection, 'a'));
    } finally {
      errors.mockRestore();
    }
    expect(events).toEqual(['writing a:first', 'visible nothing', 'durable a,t', 'resolved', 'writing a:deleted', 'visible first', 'durable a']);
    expect(journalAtTelling).toContain('"first"');
    expect(workspace.records(tagsCollection).get('t')?.label).toBe('north');
    await workspace.close();
  });

  it('tells nobody ahead of a batch that writes nothing, nor of changes read from another writer', async () => {
    const dir = await tempDir();
    const app = await openTestWorkspace(dir);
    const told: string[] = [];
    app.whileWriting(notesCollection, (changes) => told.push(...changes.map((change) => change.id)));
    await expect(app.transact(() => {
      throw new Error('refused');
    })).rejects.toThrow('refused');
    const cli = await openTestWorkspace(dir);
    await cli.transact((tx) => tx.put(notesCollection, { id: 'from-cli', text: 'x', tags: [] }));
    await cli.close();
    await app.refresh();
    expect(app.records(notesCollection).get('from-cli')?.text).toBe('x');
    await app.transact((tx) => tx.put(notesCollection, { id: 'mine', text: 'y', tags: [] }));
    expect(told).toEqual(['mine']);
    await app.close();
  });
});

describe('compaction', () => {
  it('loses nothing when a crash comes between the new snapshot and the new journal', async () => {
    const dir = await tempDir();
    const workspace = await openTestWorkspace(dir, { compaction: { smallSnapshotBytes: 0 } });
    for (let n = 0; n < 4; n++) await workspace.transact((tx) => tx.put(notesCollection, { id: `n${n}`, text: String(n), tags: [] }));
    await workspace.close();
    const oldJournal = await readFile(join(dir, 'notes.journal'), 'utf8');
    expect(oldJournal.trim().split('\n')).toHaveLength(4);

    // Compact, then put the old journal back: as if the crash came after the snapshot's rename.
    const compacting = await openTestWorkspace(dir);
    await compacting.compact(['notes']);
    await compacting.close();
    await writeFile(join(dir, 'notes.journal'), oldJournal);

    const reopened = await openTestWorkspace(dir);
    expect([...reopened.records(notesCollection).values()].map((note) => note.id).sort()).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(reopened.notices).toEqual([]);
    // Its lines are at or below the snapshot's sequence: skipped, not applied twice.
    expect(reopened.records(notesCollection).entry('n0')?.revisions).toHaveLength(1);
    await reopened.transact((tx) => tx.put(notesCollection, { id: 'n4', text: '4', tags: [] }));
    expect(reopened.changes(4).results.map((change) => change.id)).toEqual(['n4']);
    await reopened.close();
  });

  it('keeps a change to two collections whole when only one of them was compacted since', async () => {
    const dir = await tempDir();
    const workspace = await openTestWorkspace(dir, { compaction: { smallSnapshotBytes: 0 } });
    await workspace.transact((tx) => {
      tx.put(notesCollection, { id: 'a', text: 'with a tag', tags: ['t'] });
      tx.put(tagsCollection, { id: 't', label: 'north' });
    });
    await workspace.compact(['notes']);
    await workspace.close();
    // The notes line of the change is in the snapshot now; the tags line is still in its journal.
    expect(await readFile(join(dir, 'notes.journal'), 'utf8')).toBe('');
    const reopened = await openTestWorkspace(dir);
    expect(reopened.records(tagsCollection).get('t')?.label).toBe('north');
    expect(reopened.records(notesCollection).get('a')?.tags).toEqual(['t']);
    expect(reopened.notices).toEqual([]);
    await reopened.close();
  });

  it('compacts a large journal after a write, and at close a small collection', async () => {
    const dir = await tempDir();
    const workspace = await openTestWorkspace(dir, { compaction: { minJournalBytes: 2000, snapshotRatio: 0, smallSnapshotBytes: 0 } });
    for (let n = 0; n < 30; n++) await workspace.transact((tx) => tx.put(notesCollection, { id: `n${n}`, text: 'x'.repeat(100), tags: [] }));
    await workspace.refresh(); // the compaction a write schedules runs before this
    const journal = await readFile(join(dir, 'notes.journal'), 'utf8');
    expect(journal.length).toBeLessThan(2500);
    const snapshot = JSON.parse(await readFile(join(dir, 'notes.json'), 'utf8'));
    expect(Object.keys(snapshot.records).length).toBeGreaterThan(10);
    await workspace.close();
  });
});

describe('two writers on one workspace', () => {
  it('each catches up with what the other wrote before writing, so neither overwrites the other', async () => {
    const dir = await tempDir();
    const app = await openTestWorkspace(dir, { holder: 'the app' });
    const cli = await openTestWorkspace(dir, { holder: 'the CLI' });
    const appBatches: WorkspaceChangeBatch[] = [];
    app.subscribe((batch) => appBatches.push(batch));
    await app.transact((tx) => tx.put(notesCollection, { id: 'a', text: 'from the app', tags: [] }));
    // The CLI's transaction runs after catching up: it sees the app's record and extends it.
    await cli.transact((tx) => {
      const seen = tx.get(notesCollection, 'a')!;
      tx.put(notesCollection, { ...seen, tags: ['cli'] });
      tx.put(notesCollection, { id: 'b', text: 'from the CLI', tags: [] });
    });
    await app.refresh();
    expect(app.records(notesCollection).get('a')).toEqual({ id: 'a', text: 'from the app', tags: ['cli'] });
    expect(app.records(notesCollection).get('b')?.text).toBe('from the CLI');
    expect(appBatches.at(-1)).toMatchObject({ origin: 'external', changes: [{ id: 'a' }, { id: 'b' }] });
    expect(app.records(notesCollection).conflicted()).toEqual([]);
    // The app's next write continues the same sequence.
    await app.transact((tx) => tx.put(tagsCollection, { id: 't', label: 'x' }));
    expect(app.changes(0).results.map((change) => change.seq)).toEqual([2, 3, 4]);
    await cli.close();
    await app.close();
  });

  it('an app that watches the folder sees another process write without being asked', async () => {
    const dir = await tempDir();
    const app = await openTestWorkspace(dir, { watch: true });
    const seen = new Promise<WorkspaceChangeBatch>((resolve) => app.subscribe((batch) => batch.origin === 'external' && resolve(batch)));
    const cli = await openTestWorkspace(dir);
    await cli.transact((tx) => tx.put(notesCollection, { id: 'x', text: 'written by the CLI', tags: [] }));
    expect((await seen).changes.map((change) => change.id)).toEqual(['x']);
    expect(app.records(notesCollection).get('x')?.text).toBe('written by the CLI');
    await cli.close();
    await app.close();
  });

  it('judges a change to two collections over all journals, even when one of them was compacted elsewhere meanwhile', async () => {
    const dir = await tempDir();
    const app = await openTestWorkspace(dir);
    const compacting = await openTestWorkspace(dir);
    await compacting.transact((tx) => tx.put(notesCollection, { id: 'old', text: 'before', tags: [] }));
    await compacting.compact(['notes']); // the app's view of notes.journal is now stale
    const cli = await openTestWorkspace(dir);
    await cli.transact((tx) => {
      tx.put(notesCollection, { id: 'a', text: 'tagged', tags: ['t'] });
      tx.put(tagsCollection, { id: 't', label: 'north' });
    });
    // The app reads notes again whole, then the tags journal: the change is whole, and kept.
    await app.transact((tx) => tx.put(notesCollection, { id: 'b', text: 'from the app', tags: [] }));
    expect(app.records(notesCollection).get('a')?.text).toBe('tagged');
    expect(app.records(tagsCollection).get('t')?.label).toBe('north');
    expect(app.notices).toEqual([]);
    expect(app.changes(0).results.map((change) => [change.seq, change.id])).toEqual([
      [1, 'old'],
      [2, 'a'],
      [3, 't'],
      [4, 'b'],
    ]);
    for (const workspace of [cli, compacting, app]) await workspace.close();
  });

  it('a reader follows a compaction made by another process', async () => {
    const dir = await tempDir();
    const writer = await openTestWorkspace(dir);
    await writer.transact((tx) => tx.put(notesCollection, { id: 'a', text: '1', tags: [] }));
    const reader = await openTestWorkspace(dir, { readOnly: true });
    await writer.transact((tx) => tx.put(notesCollection, { id: 'b', text: '2', tags: [] }));
    await writer.compact();
    await writer.transact((tx) => tx.put(notesCollection, { id: 'c', text: '3', tags: [] }));
    await reader.refresh();
    expect([...reader.records(notesCollection).values()].map((note) => note.id).sort()).toEqual(['a', 'b', 'c']);
    expect(reader.changes(1).results.map((change) => change.id)).toEqual(['b', 'c']);
    await reader.close();
    await writer.close();
  });
});
