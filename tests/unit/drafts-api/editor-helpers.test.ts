import { getSchema } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../electron/core/search/types';
import { annotationIdFromDrag } from '../../../renderer/src/views/drafts/annotation-drop';
import { CitationNode } from '../../../electron/common/drafts/citation-node';
import { citationFromResult } from '../../../renderer/src/views/drafts/citation-targets';
import { FormattingStore, citationIndexAt, citationKey, citationKeysOf } from '../../../renderer/src/views/drafts/formatting-store';
import { countWords } from '../../../renderer/src/views/drafts/word-count';
import { countWords as coreCountWords } from '../../../electron/core/drafts/content';
import type { DraftFormatResult } from '../../../electron/core/api/methods/drafts';

const schema = getSchema([StarterKit, CitationNode]);
const cite = (targetId: string, locator: string | null = null) => ({
  type: 'citation',
  attrs: { targetKind: 'passage', targetId, docId: 'doc-a', locator, prefix: null, suffix: null, suppressAuthor: false },
});
const json = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Kosovo and NATO' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Membership is wanted ' }, cite('p-1', '3'), { type: 'text', text: '.' }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two ' }, cite('p-2')] }] }] },
  ],
};
const doc = schema.nodeFromJSON(json);

function searchResult(type: SearchResult['type'], extra: Partial<SearchResult['document']> = {}): SearchResult {
  return {
    type,
    id: `${type}:x`,
    docId: 'doc-a',
    title: 'T',
    snippet: { text: 'T', highlights: [] },
    titleHighlights: [],
    text: 'T',
    score: 1,
    shard: 'corpus',
    document: { type, id: `${type}:x`, sourceId: 'x', docId: 'doc-a', title: 'T', text: 'T', facets: {}, ...extra },
  };
}

describe('the draft editor helpers', () => {
  it('find each citation in reading order, as core formats them', () => {
    expect(citationKeysOf(doc)).toEqual([citationKey(cite('p-1', '3').attrs), citationKey(cite('p-2').attrs)]);
    const positions: number[] = [];
    doc.descendants((node, pos) => {
      if (node.type.name === 'citation') positions.push(pos);
    });
    expect(positions.map((pos) => citationIndexAt(doc, pos))).toEqual([0, 1]);
  });

  it('shows a formatted citation only when it was formatted for that very citation', () => {
    const store = new FormattingStore();
    const keys = citationKeysOf(doc);
    const result = { citations: [{ id: 'cite-1', text: '(A 2024, 3)' }, { id: 'cite-2', text: '(B 2025)' }] } as unknown as DraftFormatResult;
    let notified = 0;
    store.subscribe(() => notified++);
    store.set({ result, keys });
    expect(notified).toBe(1);
    expect(store.citationAt(1, keys[1]!)?.text).toBe('(B 2025)');
    // A citation inserted before it shifts the indexes: the stale text is not shown.
    expect(store.citationAt(0, keys[1]!)).toBeUndefined();
  });

  it('counts words the way the drafts list does', () => {
    expect(countWords(doc)).toBe(8);
    expect(coreCountWords(json as never)).toBe(8);
  });

  it('turns search hits into citations with the page as locator', () => {
    expect(citationFromResult(searchResult('passage', { page: 7 }))).toEqual({ targetKind: 'passage', targetId: 'x', docId: 'doc-a', locator: '7', prefix: null, suffix: null, suppressAuthor: false });
    expect(citationFromResult(searchResult('annotation', { page: 2 }))).toMatchObject({ targetKind: 'annotation', locator: '2' });
    expect(citationFromResult(searchResult('document', { page: 2 }))).toMatchObject({ targetKind: 'document', locator: null });
    expect(citationFromResult(searchResult('entity'))).toBeUndefined();
  });

  it('accepts only a well-formed annotation drag payload', () => {
    expect(annotationIdFromDrag('{"annotationId":"ann-1"}')).toBe('ann-1');
    expect(annotationIdFromDrag('{"annotationId":""}')).toBeUndefined();
    expect(annotationIdFromDrag('{"id":"ann-1"}')).toBeUndefined();
    expect(annotationIdFromDrag('ann-1')).toBeUndefined();
  });
});
