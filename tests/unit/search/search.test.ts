/**
 * Relevance rules on the real corpus. Expected sets are computed from the corpus text itself
 * (every passage that spells a name one way or the other), so the tests follow the corpus as
 * it is rebuilt, and fail if a rule stops finding what the text holds.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { foldDiacritics } from '../../../electron/common/text/fold';
import { buildIndex, loadIndex, serializeIndex } from '../../../electron/core/search/build-index';
import { SearchEngine } from '../../../electron/core/search/engine';
import { annotationToSearchDocument } from '../../../electron/core/search/user-documents';
import { ShardedCollection } from '../../../electron/core/search/user-shards';
import type { SearchDocument, SearchOptions } from '../../../electron/core/search/types';
import { loadTestCorpus, type TestCorpus } from './fixture';

let corpus: TestCorpus;
let engine: SearchEngine;
/** Without the entity catalogue: folding and spelling must work on their own, not via aliases. */
let withoutAliases: SearchEngine;

beforeAll(() => {
  corpus = loadTestCorpus();
  const index = buildIndex(corpus.docs);
  engine = new SearchEngine({ corpusIndex: index, corpusDocs: corpus.docs, entities: corpus.entities });
  withoutAliases = new SearchEngine({ corpusIndex: index, corpusDocs: corpus.docs, entities: [] });
});

const ALL = 100_000;

function ids(query: string, options: SearchOptions = {}, on: SearchEngine = engine): Set<string> {
  return new Set(on.search(query, { limit: ALL, ...options }).results.map((r) => r.id));
}

/** Documents whose text, folded and lower-cased, matches the pattern: the ground truth. */
function docsMatching(pattern: RegExp, type: SearchDocument['type'] = 'passage'): SearchDocument[] {
  return corpus.docs.filter((d) => d.type === type && pattern.test(foldDiacritics(`${d.title}\n${d.text}`).toLowerCase()));
}

function expectAllFound(found: Set<string>, expected: readonly SearchDocument[]): void {
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.map((d) => d.id).filter((id) => !found.has(id))).toEqual([]);
}

describe('diacritic folding', () => {
  it.each([
    ['vucic', 'Vučić', /\bvucic\b/],
    ['turkiye', 'Türkiye', /\bturkiye\b/],
    ['iber lepenc', 'Ibër-Lepenc', /\biber[\s-]+lepenc\b/],
  ])('%s and %s find the same passages, every one that names it', (plain, accented, pattern) => {
    const plainIds = ids(plain, { prefix: false }, withoutAliases);
    expect(ids(accented, { prefix: false }, withoutAliases)).toEqual(plainIds);
    expectAllFound(plainIds, docsMatching(pattern));
  });

  it('keeps the last letters that lunr’s own trimmer cuts (Vučić is not stored as vuči)', () => {
    const results = withoutAliases.search('Vučić', { limit: ALL, prefix: false }).results;
    expect(results.length).toBeGreaterThan(0);
    // "Vuči" alone, as a whole word, has no exact match (only the fuzzy retry finds the
    // name): the index holds the full name.
    expect(withoutAliases.search('vuci', { limit: ALL, prefix: false }).fuzzy).toBe(true);
  });

  it('highlights the accented spelling in the snippet for a plain query', () => {
    const highlighted = withoutAliases
      .search('vucic', { limit: ALL, prefix: false })
      .results.flatMap((r) => r.snippet.highlights.map(([s, e]) => r.snippet.text.slice(s, e)));
    expect(highlighted).toContain('Vučić');
    for (const word of highlighted) expect(foldDiacritics(word).toLowerCase()).toBe('vucic');
  });
});

describe('alias expansion from the entity catalogue', () => {
  it('KSF finds passages that only say "Kosovo Security Force", and the reverse', () => {
    const longOnly = docsMatching(/kosovo security force/).filter((d) => !/\bksf\b/i.test(d.text));
    const shortOnly = docsMatching(/\bksf\b/).filter((d) => !/kosovo security force/i.test(d.text));
    expectAllFound(ids('KSF', { prefix: false }), [...longOnly, ...shortOnly]);
    expectAllFound(ids('Kosovo Security Force', { prefix: false }), [...longOnly, ...shortOnly]);
  });

  it('Radojicic finds both spellings, Radoičić and Radojičić', () => {
    const found = ids('Radojicic', { prefix: false });
    expectAllFound(found, docsMatching(/\bradoicic\b/));
    expectAllFound(found, docsMatching(/\bradojicic\b/));
    expect(ids('Radoičić', { prefix: false })).toEqual(found);
  });
});

describe('British and American spellings', () => {
  it.each([
    ['centre of excellence', 'Center of Excellence', /\bcent(re|er)s? of excellence\b/],
    ['normalisation', 'normalization', /\bnormali[sz]ation\b/],
    ['defence', 'defense', /\bdefen[cs]e\b/],
  ])('%s and %s find the same results, both spellings among them', (british, american, pattern) => {
    const britishIds = ids(british, { prefix: false }, withoutAliases);
    expect(ids(american, { prefix: false }, withoutAliases)).toEqual(britishIds);
    const expected = docsMatching(pattern);
    // Both spellings really occur, so the test is about matching across them.
    const spellings = new Set(expected.flatMap((d) => foldDiacritics(d.text).toLowerCase().match(new RegExp(pattern, 'g')) ?? []));
    expect(spellings.size).toBeGreaterThan(1);
    expectAllFound(britishIds, expected);
  });
});

describe('phrase queries', () => {
  it.each([
    ['"silence procedure"', /silence procedure/],
    ['"territorial defence"', /territorial defen[cs]e/],
  ])('%s returns only documents containing the phrase, and all of them', (query, pattern) => {
    const response = engine.search(query, { limit: ALL });
    expect(response.total).toBeGreaterThan(0);
    for (const result of response.results) {
      const d = result.document;
      expect(foldDiacritics(`${d.title}\n${d.keywords ?? ''}\n${d.text}`).toLowerCase()).toMatch(pattern);
    }
    expectAllFound(new Set(response.results.map((r) => r.id)), docsMatching(pattern));
  });

  it('the phrase is stricter than its words: "security force" skips texts with both words apart', () => {
    const apart = docsMatching(/\bsecurity\b/).filter((d) => /\bforce\b/i.test(d.text) && !/security\W+forces?\b/i.test(`${d.title}\n${d.text}`));
    expect(apart.length).toBeGreaterThan(0);
    const phraseIds = ids('"security force"');
    for (const d of apart) expect(phraseIds.has(d.id)).toBe(false);
    const wordIds = ids('security force', { prefix: false });
    for (const d of apart) expect(wordIds.has(d.id)).toBe(true);
  });
});

describe('while typing', () => {
  it('treats the last word as a prefix: Banj finds Banjska', () => {
    expectAllFound(ids('Banj'), docsMatching(/\bbanjska\b/));
    expect(engine.search('Banj', { prefix: false }).total).toBe(0);
  });

  it('retries with near spellings when nothing matches, and says so', () => {
    const exact = engine.search('Banjska', { limit: ALL });
    expect(exact.fuzzy).toBe(false);
    const typo = engine.search('Banjksa', { limit: ALL });
    expect(typo.fuzzy).toBe(true);
    expectAllFound(new Set(typo.results.map((r) => r.id)), docsMatching(/\bbanjska\b/));
  });
});

describe('facets', () => {
  it.each(['NATO', 'Kosovo Police', 'defence'])('each count for "%s" equals the results its filter gives', (query) => {
    const response = engine.search(query, { limit: 0 });
    const filterFor = { type: 'type', document: 'docId', entity: 'entityId', topic: 'topicId', addressee: 'addressee' } as const;
    let checked = 0;
    for (const [dimension, counts] of Object.entries(response.facets) as [keyof typeof filterFor, Record<string, number>][]) {
      for (const [value, count] of Object.entries(counts)) {
        const filtered = engine.search(query, { limit: 0, filters: { [filterFor[dimension]]: value } });
        expect({ dimension, value, total: filtered.total }).toEqual({ dimension, value, total: count });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('counts with a filter applied still equal what a second filter narrows to', () => {
    const base = { type: 'passage' } as const;
    const response = engine.search('NATO', { limit: 0, filters: base });
    const documents = Object.entries(response.facets.document);
    expect(documents.length).toBeGreaterThan(1);
    for (const [docId, count] of documents) {
      expect(engine.search('NATO', { limit: 0, filters: { ...base, docId } }).total).toBe(count);
    }
    // The type counts ignore the type filter, so the other types stay visible to switch to.
    expect(Object.keys(response.facets.type).length).toBeGreaterThan(1);
  });

  it('groups results by type', () => {
    const response = engine.search('Banjska', { limit: 30 });
    const grouped = response.groups.flatMap((g) => g.results.map((r) => [g.type, r.type]));
    expect(grouped.length).toBe(response.results.length);
    for (const [groupType, resultType] of grouped) expect(resultType).toBe(groupType);
  });
});

describe('user-content shards', () => {
  it('finds an annotation right after setShard, and not after removeShard', () => {
    const passage = corpus.docs.find((d) => d.type === 'passage' && /ammunition/i.test(d.text))!;
    const note = annotationToSearchDocument({
      id: 'note-1',
      docId: passage.docId,
      passageId: passage.sourceId,
      quote: passage.text.slice(0, 200),
      note: 'Compare with the Bayraktar procurement timeline',
      topics: [{ id: 'topic-procurement', name: 'Procurement' }],
    });
    expect(ids('Bayraktar procurement timeline', { prefix: false }).has(note.id)).toBe(false);
    engine.setShard('annotations', [note]);
    const response = engine.search('Bayraktar procurement timeline', { prefix: false });
    expect(response.results[0]?.id).toBe(note.id);
    expect(response.facets.topic['topic-procurement']).toBe(1);
    engine.removeShard('annotations');
    expect(ids('Bayraktar procurement timeline', { prefix: false }).has(note.id)).toBe(false);
  });

  it('ranks a shard copy of a passage level with the corpus original', () => {
    const passage = corpus.docs.find((d) => d.type === 'passage' && /silence procedure/i.test(d.text) && d.text.length > 200)!;
    // The same fields as the passage, so only the shard differs.
    const copy: SearchDocument = { ...passage, type: 'annotation', id: 'annotation:copy-1', sourceId: 'copy-1' };
    engine.setShard('copies', [copy]);
    try {
      const results = engine.search('"silence procedure" technical cooperation', { limit: ALL }).results;
      const original = results.find((r) => r.id === passage.id);
      const shardCopy = results.find((r) => r.id === copy.id);
      expect(original && shardCopy).toBeTruthy();
      // Without the idf correction the one-document shard scores several times lower.
      const ratio = shardCopy!.score / original!.score;
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    } finally {
      engine.removeShard('copies');
    }
  });
});

describe('a large user collection', () => {
  const passages = () => corpus.docs.filter((d) => d.type === 'passage').map((d) => d.text).slice(0, 60);
  const countOf = (query: string, id: string) => engine.search(query, { limit: ALL, prefix: false }).results.filter((r) => r.id === id).length;

  it('a save builds no index and is searchable at once; an edit replaces the old version', () => {
    const quotes = passages();
    const notes = quotes.map((quote, n) => annotationToSearchDocument({ id: `bulk-${n}`, quote, note: `note ${n}` }));
    const collection = new ShardedCollection(engine, 'bulk', 8);
    collection.setAll(notes);
    const setShard = vi.spyOn(engine, 'setShard');
    try {
      // An existing annotation gets a new note.
      const edited = annotationToSearchDocument({ id: 'bulk-3', quote: quotes[3]!, note: 'Check the Bayraktar delivery dates' });
      collection.upsert(edited);
      // The save went into the live recent shard: no lunr index was built.
      expect(setShard).not.toHaveBeenCalled();
      expect(countOf('Bayraktar delivery dates', edited.id)).toBe(1);
      expect(countOf('"note 3"', edited.id)).toBe(0);
      expect(collection.size).toBe(notes.length);
      collection.remove(edited.id);
      expect(countOf('Bayraktar delivery dates', edited.id)).toBe(0);
      expect(collection.size).toBe(notes.length - 1);
    } finally {
      setShard.mockRestore();
      collection.setAll([]);
    }
    expect(engine.shardNames().filter((name) => name.startsWith('bulk/'))).toEqual([]);
  });

  it('moves saves from the recent shard into their buckets without losing or doubling any', () => {
    const quotes = passages();
    const collection = new ShardedCollection(engine, 'compacting', 4, 3);
    collection.setAll(quotes.slice(0, 20).map((quote, n) => annotationToSearchDocument({ id: `c-${n}`, quote })));
    try {
      for (let n = 0; n < 10; n++) collection.upsert(annotationToSearchDocument({ id: `c-${n}`, quote: quotes[n]!, note: `Revisit Bayraktar point ${n}` }));
      const found = engine.search('Revisit Bayraktar', { limit: ALL, prefix: false }).results.map((r) => r.id);
      expect(found.sort()).toEqual(Array.from({ length: 10 }, (_, n) => `annotation:c-${n}`).sort());
      collection.compact();
      expect(engine.search('Revisit Bayraktar', { limit: ALL, prefix: false }).total).toBe(10);
      expect(collection.size).toBe(20);
    } finally {
      collection.setAll([]);
    }
  });
});

describe('saved index', () => {
  it('gives the same results after serialise and load', () => {
    const saved = serializeIndex(buildIndex(corpus.docs));
    const loaded = new SearchEngine({ corpusIndex: loadIndex(saved), corpusDocs: corpus.docs, entities: corpus.entities });
    const fromJson = new SearchEngine({ corpusIndex: saved, corpusDocs: corpus.docs, entities: corpus.entities });
    for (const query of ['vucic', 'KSF', '"silence procedure"', 'Banj', 'Banjksa', 'centre of excellence']) {
      const expected = engine.search(query, { limit: 20 });
      const summary = (r: typeof expected) => ({ total: r.total, fuzzy: r.fuzzy, results: r.results.map((x) => [x.id, x.score.toFixed(6)]) });
      expect(summary(loaded.search(query, { limit: 20 }))).toEqual(summary(expected));
      expect(summary(fromJson.search(query, { limit: 20 }))).toEqual(summary(expected));
    }
    // The saved index names the pipeline functions it needs, by their registered labels.
    expect(JSON.parse(saved).pipeline).toEqual(['fw-unicode-trimmer', 'fw-fold-diacritics', 'fw-spelling', 'fw-stemmer']);
  });
});
