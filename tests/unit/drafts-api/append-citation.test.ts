import { describe, expect, it } from 'vitest';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { callers } from './helpers';

const tempDir = useTempDirs();
const openCore = useCores();

describe('drafts.appendCitation', () => {
  it('adds a citation of a recommendation’s passage at the end of a draft, formatted and in the bibliography', async () => {
    const core = await openCore(await tempDir());
    const { call, fail } = callers(core);
    const [first, second] = (await call('corpus.recommendations', {})).filter((item) => item.ordinal === 2);
    const draft = await call('drafts.create', { title: 'Cited' });
    const citation = (item: typeof first) => ({ targetKind: 'passage' as const, targetId: item!.passageId, docId: item!.docId });

    // A new draft's empty paragraph takes the citation; the next one gets its own paragraph.
    const once = await call('drafts.appendCitation', { id: draft.id, citation: citation(first) });
    expect(once.content.content).toEqual([{ type: 'paragraph', content: [{ type: 'citation', attrs: { ...citation(first), locator: null, prefix: null, suffix: null, suppressAuthor: false } }] }]);
    const twice = await call('drafts.appendCitation', { id: draft.id, citation: citation(second) });
    expect(twice.content.content).toHaveLength(2);

    const formatted = await call('drafts.format', { content: twice.content, style: twice.style });
    expect(formatted.citations.map((item) => item.passageId)).toEqual([first!.passageId, second!.passageId]);
    const bibliography = formatted.bibliography.entries.map((entry) => entry.text).join('\n');
    for (const item of [first!, second!]) expect(bibliography).toContain(core.corpus.document(item.docId).title);
    expect(await call('drafts.list', {})).toMatchObject([{ id: draft.id, citationCount: 2 }]);

    // Nothing resolvable, a wrong paper, an unknown field or a trashed draft: refused, nothing written.
    expect((await fail('drafts.appendCitation', { id: draft.id, citation: { targetKind: 'passage', targetId: 'nope', docId: first!.docId } })).code).toBe('BAD_REQUEST');
    expect((await fail('drafts.appendCitation', { id: draft.id, citation: { ...citation(first), docId: second!.docId } })).code).toBe('BAD_REQUEST');
    expect((await fail('drafts.appendCitation', { id: draft.id, citation: { ...citation(first), note: 'x' } })).code).toBe('BAD_REQUEST');
    expect((await fail('drafts.appendCitation', { id: 'no-draft', citation: citation(first) })).code).toBe('NOT_FOUND');
    await call('drafts.trash', { id: draft.id });
    expect((await fail('drafts.appendCitation', { id: draft.id, citation: citation(first) })).code).toBe('CONFLICT');
    expect((await call('drafts.get', { id: draft.id })).content).toEqual(twice.content);
  });
});
