/** The Search view's pure parts: highlight pieces, where results open, facet toggles, palette scores. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusSchema } from '../../../electron/core/corpus/schema';
import { SearchEngine } from '../../../electron/core/search/engine';
import { buildIndex } from '../../../electron/core/search/build-index';
import { corpusToSearchDocuments } from '../../../electron/core/search/corpus-documents';
import { annotationToSearchDocument, draftToSearchDocument, topicToSearchDocument } from '../../../electron/core/search/user-documents';
import { highlightPieces } from '../../../renderer/src/views/search/highlight-pieces';
import { resultHref } from '../../../renderer/src/views/search/result-href';
import { facetDimensions, toggleFilter } from '../../../renderer/src/views/search/facet-filters';
import { bestNamed, paletteFilter, quickResultValue, SEARCH_EVERYTHING_VALUE } from '../../../renderer/src/views/search/palette-filter';
import { parseHash } from '../../../renderer/src/app/routes';
import { resourcesDir } from '../../helpers/core';

const corpus = CorpusSchema.parse(JSON.parse(readFileSync(join(resourcesDir, 'corpus', 'corpus.json'), 'utf8')));
const docs = corpusToSearchDocuments(corpus);
const engine = new SearchEngine({ corpusIndex: buildIndex(docs), corpusDocs: docs, entities: corpus.entities });

describe('highlight pieces', () => {
  it('marks exactly the ranges core gives for vucic in a real passage', () => {
    const result = engine.search('vucic', { types: ['passage'] }).results.find((r) => r.text.includes('Vučić'))!;
    const pieces = highlightPieces(result.snippet.text, result.snippet.highlights);
    expect(pieces.map((p) => p.text).join('')).toBe(result.snippet.text);
    expect(pieces.filter((p) => p.marked).some((p) => p.text.includes('Vučić'))).toBe(true);
  });

  it('merges overlapping ranges and clamps ranges outside the text', () => {
    expect(highlightPieces('abcdefgh', [[5, 7], [1, 3], [2, 4], [6, 99], [-3, 0]])).toEqual([
      { text: 'a', marked: false },
      { text: 'bcd', marked: true },
      { text: 'e', marked: false },
      { text: 'fgh', marked: true },
    ]);
  });
});

describe('where a result opens', () => {
  const first = (query: string, type: Parameters<SearchEngine['search']>[1] extends infer O ? O extends { types?: readonly (infer T)[] } ? T : never : never) =>
    engine.search(query, { types: [type] }).results[0]!;

  it('opens a passage in the reader at that passage', () => {
    const hit = first('Banjska', 'passage');
    const route = parseHash(resultHref(hit));
    expect(route.view).toBe('reader');
    expect(route.params).toEqual([hit.docId]);
    expect(route.query.get('passage')).toBe(hit.document.sourceId);
  });

  it('opens a footnote itself, at the passage citing it, and a recommendation at its source passage', () => {
    const footnote = first('eeas', 'footnote');
    const cited = corpus.footnotes.find((f) => `${f.docId}#fn${f.number}` === footnote.document.sourceId)!;
    expect(resultHref(footnote)).toBe(`#/reader/${cited.docId}?passage=${cited.citedBy[0]}&footnote=${cited.number}`);
    const recommendation = first('KSF', 'recommendation');
    const source = corpus.recommendations.find((r) => r.id === recommendation.document.sourceId)!;
    expect(resultHref(recommendation)).toBe(`#/reader/${source.docId}?passage=${source.passageId}`);
  });

  it('opens entities, topics, drafts and annotations where they live', () => {
    const entity = first('KSF', 'entity');
    expect(corpus.entities.some((e) => e.id === entity.document.sourceId)).toBe(true);
    expect(resultHref(entity)).toBe(`#/entities/${entity.document.sourceId}`);
    const topic = topicToSearchDocument({ id: 'topic-1', name: 'Trust in police' });
    expect(resultHref({ type: 'topic', document: topic })).toBe('#/topics/topic-1');
    const draft = draftToSearchDocument({ id: 'draft-7', title: 'T', text: '' });
    expect(resultHref({ type: 'draft', document: draft })).toBe('#/drafts/draft-7');
    const annotation = annotationToSearchDocument({ id: 'a1', docId: 'doc', passageId: 'doc-p1', quote: 'q' });
    expect(resultHref({ type: 'annotation', docId: 'doc', document: annotation })).toBe('#/reader/doc?passage=doc-p1');
  });
});

describe('facet toggles', () => {
  const [type, paper] = facetDimensions;
  it('narrows on the first click and un-narrows on the second, leaving other filters alone', () => {
    const narrowed = toggleFilter({ docId: 'x' }, type, 'passage');
    expect(narrowed).toEqual({ docId: 'x', type: 'passage' });
    expect(toggleFilter(narrowed, type, 'passage')).toEqual({ docId: 'x' });
    expect(toggleFilter(narrowed, paper, 'y')).toEqual({ docId: 'y', type: 'passage' });
  });

  it('each facet count equals the total its filter gives, on the real corpus', () => {
    const all = engine.search('NATO');
    for (const dimension of facetDimensions) {
      for (const [value, count] of Object.entries(all.facets[dimension.facet]).slice(0, 5)) {
        expect(engine.search('NATO', { filters: toggleFilter({}, dimension, value) }).total, `${dimension.facet}=${value}`).toBe(count);
      }
    }
  });
});

describe('palette scores', () => {
  it('keeps every quick result, in core’s order, below any good named match, and the search action last', () => {
    const quick = [0, 1, 7].map((rank) => paletteFilter(quickResultValue(rank, `passage:p${rank}`), 'zzz'));
    expect(quick.every((score) => score > 0)).toBe(true);
    expect(quick).toEqual([...quick].sort((a, b) => b - a));
    expect(paletteFilter('entity Kosovo Security Force KSF', 'KSF')).toBeGreaterThan(quick[0]!);
    expect(paletteFilter(SEARCH_EVERYTHING_VALUE, 'zzz')).toBeLessThan(quick[2]!);
    expect(paletteFilter('paper Kosovo Foreign and Security Challenges and Priorities', 'vucic')).toBe(0);
  });

  it('shows the best named entities only', () => {
    const names = bestNamed(corpus.entities, (e) => `entity ${e.name} ${e.aliases.join(' ')}`, 'KSF', 3).map((e) => e.id);
    expect(names[0]).toBe(corpus.entities.find((e) => e.name === 'Kosovo Security Force')!.id);
    expect(names.length).toBeLessThanOrEqual(3);
  });
});
