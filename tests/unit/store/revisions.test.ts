import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromCouchRevisions, generation, toCouchRevisions } from '../../../electron/core/store';
import { nextRevision } from '../../../electron/core/store/revisions';
import { useTempDirs } from '../../helpers/temp-dir';
import { notesCollection, openTestWorkspace, type Note } from './collections';

const tempDir = useTempDirs();

/** A revision made "elsewhere" (another replica) on top of `parent`, as a replicator would send it. */
function remote(parentRevisions: string[], record: Note | undefined, author = 'amina-2b1c'): { rev: string; revisions: string[]; record?: Note; deleted?: boolean; author: string; at: string; id: string } {
  const rev = nextRevision(parentRevisions[0], record ? { record } : { deleted: true });
  return { id: record?.id ?? 'n1', rev, revisions: [rev, ...parentRevisions], ...(record ? { record } : { deleted: true }), author, at: '2026-12-01T10:00:00.000Z' };
}

describe('revisions', () => {
  it('numbers each change N-<md5>, deterministically, and keeps the ancestry newest first', async () => {
    const workspace = await openTestWorkspace(await tempDir());
    const first = await workspace.transact((tx) => tx.put(notesCollection, { id: 'n1', text: 'a', tags: [] }));
    const second = await workspace.transact((tx) => tx.put(notesCollection, { id: 'n1', text: 'b', tags: [] }));
    expect(first).toMatch(/^1-[0-9a-f]{32}$/);
    expect(generation(second)).toBe(2);
    // The same change on the same parent gives the same revision on every replica.
    expect(second).toBe(nextRevision(first, { record: { tags: [], text: 'b', id: 'n1' } }));
    expect(workspace.records(notesCollection).entry('n1')).toMatchObject({ rev: second, revisions: [second, first], author: workspace.user.id });
    expect(toCouchRevisions([second, first])).toEqual({ start: 2, ids: [second.slice(2), first.slice(2)] });
    expect(fromCouchRevisions(toCouchRevisions([second, first]))).toEqual([second, first]);
    await workspace.close();
  });

  it('putRevision: a revision extending the branch wins, a known one changes nothing, a diverging one becomes a conflict', async () => {
    const dir = await tempDir();
    const workspace = await openTestWorkspace(dir);
    const base = await workspace.transact((tx) => tx.put(notesCollection, { id: 'n1', text: 'base', tags: [] }));

    const extension = remote([base], { id: 'n1', text: 'edited elsewhere', tags: [] });
    expect(await workspace.putRevision(notesCollection, extension)).toBe('extended');
    expect(workspace.records(notesCollection).get('n1')?.text).toBe('edited elsewhere');
    expect(workspace.records(notesCollection).entry('n1')).toMatchObject({ rev: extension.rev, revisions: [extension.rev, base], author: 'amina-2b1c' });

    const seq = workspace.lastSeq;
    expect(await workspace.putRevision(notesCollection, extension)).toBe('known');
    expect(await workspace.putRevision(notesCollection, { ...remote([], { id: 'n1', text: 'base', tags: [] }), rev: base, revisions: [base] })).toBe('known');
    expect(workspace.lastSeq).toBe(seq);

    // Two replicas edit the same revision: both are kept, the winner is CouchDB's.
    const local = await workspace.transact((tx) => tx.put(notesCollection, { id: 'n1', text: 'edited here', tags: [] }));
    const rival = remote([extension.rev, base], { id: 'n1', text: 'edited there', tags: ['north'] });
    expect(await workspace.putRevision(notesCollection, rival)).toBe('branched');
    const entry = workspace.records(notesCollection).entry('n1')!;
    const expectedWinner = [local, rival.rev].sort().at(-1)!;
    expect(entry.rev).toBe(expectedWinner);
    expect(entry.conflicts?.map((leaf) => leaf.rev)).toEqual([[local, rival.rev].find((rev) => rev !== expectedWinner)]);
    expect(workspace.records(notesCollection).conflicted()).toEqual(['n1']);
    await workspace.close();

    // Nothing of it is lost across compaction and reopen.
    const reopened = await openTestWorkspace(dir, { readOnly: true });
    expect(reopened.records(notesCollection).entry('n1')).toEqual(entry);
    await reopened.close();
  });

  it('picks the winner as CouchDB does: higher generation first, then the higher revision, live before deleted', async () => {
    const workspace = await openTestWorkspace(await tempDir());
    const base = await workspace.transact((tx) => tx.put(notesCollection, { id: 'n1', text: 'base', tags: [] }));
    const short = remote([base], { id: 'n1', text: 'one edit', tags: [] });
    const longFirst = remote([base], { id: 'n1', text: 'two edits, first', tags: [] });
    const long = remote([longFirst.rev, base], { id: 'n1', text: 'two edits', tags: [] });
    await workspace.putRevision(notesCollection, short);
    await workspace.putRevision(notesCollection, long);
    expect(workspace.records(notesCollection).get('n1')?.text).toBe('two edits');
    // Deleting the winner lets the live branch win; the deletion stays as a tombstone leaf.
    const tombstone = remote([long.rev, longFirst.rev, base], undefined);
    await workspace.putRevision(notesCollection, tombstone);
    expect(workspace.records(notesCollection).get('n1')?.text).toBe('one edit');
    expect(workspace.records(notesCollection).entry('n1')?.conflicts).toMatchObject([{ rev: tombstone.rev, deleted: true }]);
    await workspace.close();
  });

  it('resolveConflict writes the choice as a revision on the winner and tombstones the losing branches', async () => {
    const dir = await tempDir();
    const workspace = await openTestWorkspace(dir);
    const base = await workspace.transact((tx) => tx.put(notesCollection, { id: 'n1', text: 'base', tags: [] }));
    await workspace.putRevision(notesCollection, remote([base], { id: 'n1', text: 'mine', tags: [] }));
    await workspace.putRevision(notesCollection, remote([base], { id: 'n1', text: 'theirs', tags: [] }, 'arben-91aa'));
    const before = workspace.records(notesCollection).entry('n1')!;
    expect(before.conflicts).toHaveLength(1);

    const chosen = await workspace.resolveConflict(notesCollection, 'n1', { id: 'n1', text: 'mine and theirs', tags: [] });
    const after = workspace.records(notesCollection).entry('n1')!;
    expect(after.rev).toBe(chosen);
    expect(after.revisions.slice(1, 2)).toEqual([before.rev]);
    expect(after.record?.text).toBe('mine and theirs');
    expect(after.conflicts).toHaveLength(1);
    expect(after.conflicts![0]).toMatchObject({ deleted: true });
    expect(after.conflicts![0]!.revisions[1]).toBe(before.conflicts![0]!.rev);
    expect(workspace.records(notesCollection).conflicted()).toEqual([]);
    // The choice and the tombstone are written as one change: two lines marked with one transaction.
    const lines = (await readFile(join(dir, 'notes.journal'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.slice(-2).map((line) => [line.op, line.txn])).toEqual([
      ['put', 2],
      ['delete', 2],
    ]);
    expect(lines.at(-1).tx).toBe(lines.at(-2).tx);
    expect(lines.at(-2).tx).toBe(lines.at(-2).seq);
    await workspace.close();
  });

  it('revsDiff says which revisions are missing; a deletion travels as a tombstone', async () => {
    const workspace = await openTestWorkspace(await tempDir());
    const first = await workspace.transact((tx) => tx.put(notesCollection, { id: 'n1', text: 'a', tags: [] }));
    const second = await workspace.transact((tx) => tx.put(notesCollection, { id: 'n1', text: 'b', tags: [] }));
    const unknown = nextRevision(second, { record: { id: 'n1', text: 'c', tags: [] } });
    expect(workspace.revsDiff(notesCollection, { n1: [first, second, unknown], n2: ['1-00000000000000000000000000000000'] })).toEqual({
      n1: { missing: [unknown] },
      n2: { missing: ['1-00000000000000000000000000000000'] },
    });
    const deleted = await workspace.transact((tx) => tx.delete(notesCollection, 'n1'));
    expect(workspace.records(notesCollection).get('n1')).toBeUndefined();
    expect(workspace.records(notesCollection).entry('n1')).toMatchObject({ rev: deleted, deleted: true, revisions: [deleted, second, first] });
    expect(workspace.changes(0).results).toEqual([{ seq: 3, collection: 'notes', id: 'n1', rev: deleted, deleted: true }]);
    await workspace.close();
  });

  it('refuses a received revision that is malformed or whose record does not fit, and writes nothing', async () => {
    const workspace = await openTestWorkspace(await tempDir());
    const good = remote([], { id: 'n1', text: 'a', tags: [] });
    await expect(workspace.putRevision(notesCollection, { ...good, revisions: ['1-abc'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(workspace.putRevision(notesCollection, { ...good, revisions: [good.rev, '5-00000000000000000000000000000000'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(workspace.putRevision(notesCollection, { ...good, record: { id: 'n1', text: 42 } as never })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('text') });
    expect(workspace.lastSeq).toBe(0);
    await workspace.close();
  });
});
