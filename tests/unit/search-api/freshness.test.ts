/**
 * User content is searchable as soon as the method that saved it returns: annotations and
 * drafts through the workspace's change feed, imported documents through the library's
 * event. What another process writes is searchable once the workspace has caught up.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { invokeOrThrow } from '../../../electron/core/api/invoke';
import { createCore } from '../../../electron/core/core';
import { ShardedCollection } from '../../../electron/core/search';
import { resourcesDir } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { transcript } from '../import-api/support';
import { useSearchCore } from './support';

const tempDir = useTempDirs();
const open = useSearchCore();

const ids = (response: { results: { id: string }[] }) => response.results.map((r) => r.id);

describe('freshness of user content in search', () => {
  it('indexes an annotation on save, re-indexes its edit and forgets it on delete', async () => {
    const { core, call } = await open(await tempDir());
    const passage = core.corpus.corpus.passages.find((p) => p.kind === 'paragraph' && p.text.includes('Banjska'))!;
    const created = await call('annotations.create', { passageId: passage.id, quote: 'Banjska', note: 'Ask about the quarry road' });
    expect(ids(await call('search.query', { query: 'quarry road', prefix: false }))).toEqual([`annotation:${created.id}`]);

    await call('annotations.update', { id: created.id, note: 'Ask about the monastery gate' });
    expect((await call('search.query', { query: 'quarry', prefix: false })).total).toBe(0);
    expect(ids(await call('search.query', { query: 'monastery gate', prefix: false }))).toEqual([`annotation:${created.id}`]);

    await call('annotations.delete', { id: created.id });
    expect((await call('search.query', { query: 'monastery gate', prefix: false })).total).toBe(0);
  });

  it('follows the change feed: re-indexes only the records it names, including what another process wrote', async () => {
    const dir = await tempDir();
    const { core, call } = await open(dir);
    const passage = core.corpus.corpus.passages.find((p) => p.kind === 'paragraph' && p.text.includes('Banjska'))!;
    const police = await call('topics.create', { name: 'Police' });
    const coded = await call('annotations.create', { passageId: passage.id, quote: 'Banjska', topicIds: [police.id] });
    // The CLI, while the app runs: another core on the same folder.
    const cli = await createCore({ workspaceDir: dir, resourcesDir, holder: 'the CLI' });
    const rebuilt = vi.spyOn(ShardedCollection.prototype, 'setAll');
    const upserted = vi.spyOn(ShardedCollection.prototype, 'upsert');
    try {
      const fromCli = (await invokeOrThrow(cli.dispatch, 'annotations.create', { passageId: passage.id, quote: 'Banjska', note: 'Ask about the quarry road' })) as { id: string };
      await cli.close();
      expect((await call('search.query', { query: 'quarry road', prefix: false })).total).toBe(0);
      await core.workspace.refresh();
      expect(ids(await call('search.query', { query: 'quarry road', prefix: false }))).toEqual([`annotation:${fromCli.id}`]);
      // (Both cores index it: the CLI's own search, and the app's from the feed.)
      expect([...new Set(upserted.mock.calls.map(([document]) => document.id))]).toEqual([`annotation:${fromCli.id}`]);

      // A renamed topic re-indexes the quotes coded with it, and only those.
      upserted.mockClear();
      await call('topics.rename', { id: police.id, name: 'Kosovo Police' });
      expect(upserted.mock.calls.map(([document]) => document.id)).toEqual([`annotation:${coded.id}`]);
      expect(ids(await call('search.query', { query: 'kosovo police', prefix: false, types: ['annotation'] }))).toEqual([`annotation:${coded.id}`]);
      expect(rebuilt).not.toHaveBeenCalled();
    } finally {
      rebuilt.mockRestore();
      upserted.mockRestore();
    }
  });

  it('indexes a draft on create and rename, and drops it when trashed', async () => {
    const { call } = await open(await tempDir());
    const draft = await call('drafts.create', { title: 'Notes on the silence procedure', markdown: 'The lighthouse keepers of Ulcinj disagree.' });
    const hit = await call('search.query', { query: 'lighthouse keepers', prefix: false });
    expect(ids(hit)).toEqual([`draft:${draft.id}`]);
    expect(hit.results[0]!.title).toBe('Notes on the silence procedure');

    await call('drafts.rename', { id: draft.id, title: 'Harbour notes' });
    expect((await call('search.query', { query: 'harbour', prefix: false, types: ['draft'] })).results[0]?.title).toBe('Harbour notes');

    await call('drafts.trash', { id: draft.id });
    expect((await call('search.query', { query: 'lighthouse keepers', prefix: false })).total).toBe(0);
  });

  it('indexes an imported transcript in a shard of its own and removes the shard with the document', async () => {
    const { core, call } = await open(await tempDir());
    const base64 = (await readFile(transcript('focus-group-zubin-potok.md'))).toString('base64');
    expect((await call('search.query', { query: 'wardrobe', prefix: false })).total).toBe(0);
    const imported = await call('import.bytes', { fileName: 'focus-group-zubin-potok.md', base64 });
    const docId = imported.documentId;

    const found = await call('search.query', { query: 'uniform wardrobe', prefix: false });
    expect(found.total).toBeGreaterThan(0);
    expect(found.results.every((r) => r.docId === docId && r.shard === `document/${docId}`)).toBe(true);
    expect(found.facets.document).toEqual({ [docId]: found.total });

    await call('import.remove', { docId, annotations: 'delete' });
    expect((await call('search.query', { query: 'uniform wardrobe', prefix: false })).total).toBe(0);
    expect(core.corpus.hasDocument(docId)).toBe(false);
  });

  it('finds documents imported in an earlier session, which the import area loads after search starts', async () => {
    const dir = await tempDir();
    const first = await createCore({ workspaceDir: dir, resourcesDir, holder: 'a test' });
    const base64 = (await readFile(transcript('focus-group-zubin-potok.md'))).toString('base64');
    const result = await first.dispatch('import.bytes', { fileName: 'focus-group-zubin-potok.md', base64 });
    await first.close();
    expect(result.ok).toBe(true);

    const { call } = await open(dir);
    const found = await call('search.query', { query: 'uniform wardrobe', prefix: false });
    expect(found.total).toBeGreaterThan(0);
    expect(found.results[0]!.shard).toMatch(/^document\/imp-/);
  });
});
