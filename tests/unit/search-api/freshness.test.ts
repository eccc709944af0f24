/**
 * User content is searchable as soon as the method that saved it returns: annotations,
 * drafts and imported documents, each through the domain event its own area emits.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
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
