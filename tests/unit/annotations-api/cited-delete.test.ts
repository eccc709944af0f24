import { describe, expect, it } from 'vitest';
import { annotationTombstonesCollection } from '../../../electron/core/annotations';
import type { DraftContent } from '../../../electron/core/drafts';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { callers, paragraphOf } from '../drafts-api/helpers';
import { cli } from './cli-helpers';

const tempDir = useTempDirs();
const openCore = useCores();
const brief = paragraphOf(/How to Advance Kosovo-NATO Relations/);

function citing(annotationId: string, docId: string): DraftContent {
  const citation = (locator: string | null) => ({
    type: 'citation',
    attrs: { targetKind: 'annotation', targetId: annotationId, docId, locator, prefix: null, suffix: null, suppressAuthor: false },
  });
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Membership is a shared objective ' }, citation(null), { type: 'text', text: '.' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'And again ' }, citation('4'), { type: 'text', text: '.' }] },
    ],
  };
}

async function setUp(dir?: string) {
  const core = await openCore(dir ?? (await tempDir()));
  const { call, fail } = callers(core);
  const quote = brief.text.split(/\s+/).slice(0, 6).join(' ');
  const annotation = await call('annotations.create', { passageId: brief.id, quote });
  const draft = await call('drafts.create', { title: 'Kosovo and NATO', style: 'chicago-author-date' });
  await call('drafts.save', { id: draft.id, content: citing(annotation.id, annotation.docId) });
  const other = await call('drafts.create', { title: 'Unrelated notes' });
  return { core, call, fail, annotation, draft, other, quote };
}

describe('deleting an annotation that drafts cite', () => {
  it('answers which drafts cite it, and refuses the delete without an acknowledgement, naming them', async () => {
    const { core, call, fail, annotation, draft } = await setUp();
    expect(await call('annotations.citedIn', { id: annotation.id })).toEqual([{ draftId: draft.id, title: 'Kosovo and NATO', citations: 2, trashed: false }]);

    const error = await fail('annotations.delete', { id: annotation.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('"Kosovo and NATO" (2 citations)');
    expect(error.message).toContain('keep-tombstone');
    expect((error.details as { citedIn: unknown[] }).citedIn).toHaveLength(1);
    // Nothing changed.
    expect((await call('annotations.get', { id: annotation.id })).id).toBe(annotation.id);
    expect(core.workspace.records(annotationTombstonesCollection).size).toBe(0);
  });

  it('deletes it when confirmed, and the draft keeps its citations, bibliography entry and count; undo restores it', async () => {
    const { core, call, fail, annotation, draft } = await setUp();
    const before = await call('drafts.format', { content: (await call('drafts.get', { id: draft.id })).content, style: 'chicago-author-date' });
    expect(before.citations.every((citation) => !citation.missing && !citation.quoteDeleted)).toBe(true);
    expect(before.bibliography.entries).toHaveLength(1);

    const deleted = await call('annotations.delete', { id: annotation.id, citedIn: 'keep-tombstone' });
    expect(deleted.citedIn.map((entry) => entry.title)).toEqual(['Kosovo and NATO']);
    expect((await fail('annotations.get', { id: annotation.id })).code).toBe('NOT_FOUND');
    expect((await call('annotations.list', {})).map((item) => item.id)).not.toContain(annotation.id);

    // The draft renders the same citations and bibliography, each citation marked as a deleted quote.
    const after = await call('drafts.format', { content: (await call('drafts.get', { id: draft.id })).content, style: 'chicago-author-date' });
    expect(after.citations.map((citation) => citation.text)).toEqual(before.citations.map((citation) => citation.text));
    expect(after.citations.every((citation) => !citation.missing)).toBe(true);
    expect(after.citations.map((citation) => citation.text).join(' ')).not.toContain('source not found');
    expect(after.citations[0]!.quoteDeleted).toMatchObject({ quote: annotation.target.selectors.quote.exact, passageId: brief.id });
    expect(after.citations[0]!.passageId).toBe(brief.id);
    expect(after.bibliography.entries.map((entry) => entry.text)).toEqual(before.bibliography.entries.map((entry) => entry.text));
    expect((await call('drafts.list', {})).find((summary) => summary.id === draft.id)?.citationCount).toBe(2);
    // Exports still carry the source.
    const html = await call('drafts.export', { id: draft.id, format: 'html' });
    expect(html.data).not.toContain('source not found');
    expect(html.data).toContain(before.bibliography.entries[0]!.text.slice(0, 20));
    // Still answered as cited: the drafts cite the tombstone until the author decides.
    expect(await call('annotations.citedIn', { id: annotation.id })).toHaveLength(1);

    const undone = await call('undo.undo', {});
    expect(undone.done).toBe(true);
    const restored = await call('annotations.get', { id: annotation.id });
    expect(restored.target).toEqual(annotation.target);
    expect(restored.note).toBe(annotation.note);
    expect(core.workspace.records(annotationTombstonesCollection).size).toBe(0);
    const again = await call('drafts.format', { content: (await call('drafts.get', { id: draft.id })).content, style: 'chicago-author-date' });
    expect(again.citations.some((citation) => citation.quoteDeleted)).toBe(false);

    // Redo deletes it again, tombstone and all.
    await call('undo.redo', {});
    expect(core.workspace.records(annotationTombstonesCollection).get(annotation.id)?.annotation.id).toBe(annotation.id);
  });

  it('names every draft that cites it, a trashed one marked as such', async () => {
    const { call, fail, annotation, draft } = await setUp();
    const second = await call('drafts.create', { title: 'Old outline', markdown: `Said before [@${annotation.id}].` });
    await call('drafts.trash', { id: second.id });
    expect(await call('annotations.citedIn', { id: annotation.id })).toEqual([
      { draftId: draft.id, title: 'Kosovo and NATO', citations: 2, trashed: false },
      { draftId: second.id, title: 'Old outline', citations: 1, trashed: true },
    ]);
    const error = await fail('annotations.delete', { id: annotation.id });
    expect(error.message).toContain('cited in 2 drafts: "Kosovo and NATO" (2 citations), "Old outline" (1 citation, in the trash)');
    expect((await fail('annotations.delete', { id: annotation.id, citedIn: 'delete-anyway' })).code).toBe('BAD_REQUEST');
  });

  it('deletes an annotation no draft cites without asking, and leaves no tombstone', async () => {
    const { core, call } = await setUp();
    const lone = await call('annotations.create', { passageId: brief.id, quote: brief.text.split(/\s+/).slice(8, 12).join(' ') });
    expect(await call('annotations.delete', { id: lone.id })).toEqual({ citedIn: [] });
    expect(core.workspace.records(annotationTombstonesCollection).size).toBe(0);
  });

  it('the CLI says which drafts cite it and deletes only with --keep-citations', async () => {
    const workspace = await tempDir();
    const { core, annotation, draft } = await setUp(workspace);
    await core.close();

    const refused = await cli(['annotation', 'delete', annotation.id, '--workspace', workspace]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('"Kosovo and NATO" (2 citations)');
    expect(refused.stderr).toContain(draft.id);
    expect(refused.stderr).toContain('--keep-citations');

    const done = await cli(['annotation', 'delete', annotation.id, '--keep-citations', '--json', '--workspace', workspace]);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ id: annotation.id, deleted: true, citedIn: [{ draftId: draft.id }] });
    const list = JSON.parse((await cli(['annotations', '--json', '--workspace', workspace])).stdout) as Array<{ id: string }>;
    expect(list.map((item) => item.id)).not.toContain(annotation.id);
  });
});
