/**
 * The live "recent" shard: what was saved since its bucket was built, searched without
 * building a lunr index. It must find exactly what a lunr shard of the same documents finds,
 * with the same scores, and a saved, edited or deleted item must be searchable as it now is
 * the moment the save returns.
 */
import lunr from 'lunr';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../../../electron/core/search/build-index';
import { configureBuilder, indexTerm } from '../../../electron/core/search/pipeline';
import { splitWords } from '../../../electron/core/search/words';
import { SearchEngine } from '../../../electron/core/search/engine';
import { LiveShard } from '../../../electron/core/search/live-shard';
import { fuzzyTokenSet, TokenSets } from '../../../electron/core/search/shard';
import { annotationToSearchDocument } from '../../../electron/core/search/user-documents';
import { ShardedCollection } from '../../../electron/core/search/user-shards';
import type { SearchDocument } from '../../../electron/core/search/types';
import { loadTestCorpus, type TestCorpus } from './fixture';

let corpus: TestCorpus;
let corpusIndex: ReturnType<typeof buildIndex>;

beforeAll(() => {
  corpus = loadTestCorpus();
  corpusIndex = buildIndex(corpus.docs);
});

afterEach(() => {
  vi.useRealTimers();
});

const ALL = 100_000;
const newEngine = () => new SearchEngine({ corpusIndex, corpusDocs: corpus.docs, entities: corpus.entities });

/** Annotations quoting real passages, with notes and topics, as users write them. */
function annotations(count: number, offset = 0): SearchDocument[] {
  const passages = corpus.docs.filter((d) => d.type === 'passage' && d.text.length > 120);
  return Array.from({ length: count }, (_, n) => {
    const passage = passages[(n * 7 + offset) % passages.length]!;
    return annotationToSearchDocument({
      id: `live-${offset}-${n}`,
      docId: passage.docId,
      passageId: passage.sourceId,
      quote: passage.text.slice(0, 160 + (n % 5) * 30),
      note: n % 2 === 0 ? `Compare with the Bayraktar procurement, point ${n}` : `Ask about the NATO Centres of Excellence (${n})`,
      topics: [{ id: `topic-${n % 3}`, name: ['Security', 'Trust in police', 'Defence'][n % 3]! }],
    });
  });
}

const found = (engine: SearchEngine, query: string) => engine.search(query, { limit: ALL, prefix: false }).results.map((r) => r.id);

const summary = (engine: SearchEngine, query: string, prefix = true) =>
  engine.search(query, { limit: ALL, prefix }).results.map((r) => ({ id: r.id, score: r.score, highlights: r.snippet.highlights }));

describe('the live shard', () => {
  it('turns every word of the corpus into the term lunr’s indexing pipeline stores it under', () => {
    const builder = new lunr.Builder();
    configureBuilder(builder);
    const tokenize = (builder as unknown as { tokenizer: (value: string, metadata: object) => lunr.Token[] }).tokenizer;
    const words = new Set(corpus.docs.flatMap((doc) => [doc.title, doc.keywords ?? '', doc.text].flatMap((field) => splitWords(field).map((w) => w.word))));
    // Stop words, diacritics, British spellings, possessives, numbers: all in the papers.
    expect(words.size).toBeGreaterThan(3_000);
    for (const word of [...words, 'the', 'Vučić', 'defence', 'NATO’s', '2024']) {
      const tokens = tokenize(word, { fields: ['text'] });
      const viaLunr = builder.pipeline.run(tokens).map((token) => token.toString());
      const expected = viaLunr.length === 0 ? null : viaLunr[0];
      expect(viaLunr.length).toBeLessThanOrEqual(1);
      expect([word, indexTerm(splitWords(word)[0]?.word ?? word)]).toEqual([word, expected]);
    }
  });

  const queries = [
    'Bayraktar procurement',
    'Bayrak', // a prefix, completed
    'Bayraktr', // a near spelling: the fuzzy retry
    '"Centres of Excellence"', // a phrase, stop word included
    'center of excellence', // spelling normalised, stemmed
    'KSF', // an entity's aliases
    'trust police',
    'Kosovo',
    'defense',
  ];

  it('finds what a lunr shard of the same documents finds, with the same scores', () => {
    const docs = annotations(40);
    const built = newEngine();
    built.setShard('notes', docs);
    const live = newEngine();
    const shard = new LiveShard('notes');
    for (const doc of docs) shard.set(doc);
    live.addShard(shard);
    for (const query of queries) {
      const expected = summary(built, query);
      expect(summary(live, query), query).toEqual(expected);
    }
    // At least some queries find the annotations, or the comparison proves nothing.
    expect(summary(live, 'Bayraktar procurement').filter((r) => r.id.startsWith('annotation:')).length).toBe(20);
    expect(summary(live, 'Bayraktr').length).toBeGreaterThan(0);
  });

  it('scores as lunr would after documents are replaced and removed (ordinals move)', () => {
    const docs = annotations(30);
    const shard = new LiveShard('notes');
    for (const doc of docs) shard.set(doc);
    // Replace some, remove others (including the first and the last: the last moves into the gap).
    const replaced = docs.slice(5, 10).map((doc) => ({ ...doc, text: `${doc.text}\nRevisit the Bayraktar timeline` }));
    for (const doc of replaced) shard.set(doc);
    for (const doc of [docs[0]!, docs[29]!, docs[17]!]) expect(shard.delete(doc.id)).toBe(true);
    expect(shard.delete('annotation:never-there')).toBe(false);
    const kept = [...docs.filter((doc) => ![docs[0]!.id, docs[29]!.id, docs[17]!.id].includes(doc.id) && !replaced.some((r) => r.id === doc.id)), ...replaced];
    expect(shard.size).toBe(kept.length);
    const built = newEngine();
    built.setShard('notes', kept);
    const live = newEngine();
    live.addShard(shard);
    for (const query of [...queries, 'Bayraktar timeline']) expect(summary(live, query), query).toEqual(summary(built, query));
  });
});

describe('a sharded collection with a live recent shard', () => {
  it('finds a saved item the moment upsert returns, without building an index, and never after it is removed', () => {
    const engine = newEngine();
    const collection = new ShardedCollection(engine, 'notes', 4);
    const existing = annotations(40);
    collection.setAll(existing);
    const setShard = vi.spyOn(engine, 'setShard');
    try {
      // A new item.
      const fresh = annotationToSearchDocument({ id: 'fresh', quote: 'A quote', note: 'Zebrafish migration pattern' });
      collection.upsert(fresh);
      expect(found(engine, 'zebrafish')).toEqual([fresh.id]);
      // An item in a bucket, edited: only its new version is found, once.
      const edited = { ...existing[2]!, text: 'Quarry road near the monastery', title: 'Quarry road' };
      const oldWords = 'Bayraktar procurement';
      expect(found(engine, `"${oldWords}"`)).toContain(edited.id);
      collection.upsert(edited);
      expect(found(engine, 'quarry monastery')).toEqual([edited.id]);
      expect(found(engine, `"${oldWords}"`)).not.toContain(edited.id);
      // Removed: neither the new item nor the edited bucket item is found any more.
      collection.remove(fresh.id);
      collection.remove(edited.id);
      expect(found(engine, 'zebrafish')).toEqual([]);
      expect(found(engine, 'quarry monastery')).toEqual([]);
      expect(found(engine, `"${oldWords}"`)).not.toContain(edited.id);
      expect(collection.size).toBe(existing.length - 1);
      expect(setShard).not.toHaveBeenCalled();
    } finally {
      setShard.mockRestore();
      collection.close();
    }
  });

  it('hands recent items to their buckets when idle, finding the same items before and after', () => {
    vi.useFakeTimers();
    const engine = newEngine();
    const collection = new ShardedCollection(engine, 'notes', { bucketCount: 4, recentLimit: 4, idleMs: 50 });
    collection.setAll(annotations(20));
    const saved = annotations(12, 100).map((doc) => ({ ...doc, text: `${doc.text}\nRevisit the Bayraktar timeline` }));
    const edited = annotations(3).map((doc) => ({ ...doc, text: `${doc.text}\nRevisit the Bayraktar timeline` }));
    for (const doc of [...saved, ...edited]) collection.upsert(doc);
    const expected = [...saved, ...edited].map((doc) => doc.id).sort();
    const before = engine.search('Revisit Bayraktar timeline', { limit: ALL, prefix: false });
    expect(before.results.map((r) => r.id).sort()).toEqual(expected);
    // Below four times the limit, no save folded anything: everything waits in the recent shard.
    expect(collection.recentSize).toBe(15);
    vi.runAllTimers();
    expect(collection.recentSize).toBeLessThanOrEqual(2);
    const after = engine.search('Revisit Bayraktar timeline', { limit: ALL, prefix: false });
    expect(after.results.map((r) => r.id).sort()).toEqual(expected);
    expect(collection.size).toBe(20 + 12);
    collection.compact();
    expect(collection.recentSize).toBe(0);
    expect(engine.search('Revisit Bayraktar timeline', { limit: ALL, prefix: false }).total).toBe(15);
    collection.close();
  });

  it('folds during a save only in a burst past four times the limit, and loses nothing', () => {
    const engine = newEngine();
    const collection = new ShardedCollection(engine, 'notes', { bucketCount: 4, recentLimit: 2, idleMs: 60_000 });
    const docs = annotations(30, 7).map((doc) => ({ ...doc, text: `${doc.text}\nZebrafish census` }));
    for (const doc of docs) {
      collection.upsert(doc);
      expect(collection.recentSize).toBeLessThanOrEqual(8);
      expect(found(engine, 'zebrafish census')).toContain(doc.id);
    }
    expect(found(engine, 'zebrafish census').sort()).toEqual(docs.map((doc) => doc.id).sort());
    expect(collection.size).toBe(30);
    collection.close();
  });
});

describe('work done ahead of a save', () => {
  it('a document analysed while its save is written is searchable only once set, and an analysis of other text is not used', () => {
    const engine = newEngine();
    const shard = new LiveShard('notes');
    engine.addShard(shard);
    const [doc] = annotations(1);
    const prepared = { ...doc!, text: `${doc!.text}\nQuokka survey` };
    shard.prepare([prepared]);
    expect(engine.search('quokka', { limit: ALL, prefix: false }).results).toEqual([]);
    // What is set is not what was analysed (a topic renamed in the same batch, say): its own words count.
    const saved = { ...doc!, text: `${doc!.text}\nPangolin survey` };
    shard.set(saved);
    expect(engine.search('pangolin', { limit: ALL, prefix: false }).results.map((r) => r.id)).toEqual([saved.id]);
    expect(engine.search('quokka', { limit: ALL, prefix: false }).results).toEqual([]);
    // Analysed ahead and set unchanged: found exactly as a lunr shard of the same documents finds it.
    const next = annotations(3, 50);
    shard.prepare(next);
    for (const item of next) shard.set(item);
    const built = newEngine();
    built.setShard('notes', [saved, ...next]);
    for (const query of ['Bayraktar procurement', 'NATO Centres', 'pangolin', 'Bayrak']) expect(summary(engine, query), query).toEqual(summary(built, query));
  });
});

describe('the directory of terms', () => {
  /** Which shards a query asked to expand its words. */
  function shardsAsked(engine: SearchEngine, shards: LiveShard[], query: string, prefix: boolean): string[] {
    const spies = shards.map((shard) => vi.spyOn(shard, 'expandSlots'));
    try {
      engine.search(query, { limit: ALL, prefix });
      return shards.filter((_shard, n) => spies[n]!.mock.calls.length > 0).map((shard) => shard.name);
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
  }

  it('asks only the shards holding a word as typed, following what each shard gains and loses', () => {
    const engine = newEngine();
    const shards = ['a', 'b', 'c'].map((name) => new LiveShard(name));
    shards.forEach((shard) => engine.addShard(shard));
    const docs = annotations(6);
    docs.forEach((doc, n) => shards[n % 3]!.set(n === 4 ? { ...doc, text: `${doc.text}\nEmu` } : doc));
    expect(shardsAsked(engine, shards, 'emu', false)).toEqual(['b']);
    expect(found(engine, 'emu')).toEqual([docs[4]!.id]);
    // A word of no shard asks none; a longer one is retried with near spellings, which asks every shard.
    // (Three letters are too few for the retry: the word moving between shards below is one.)
    expect(shardsAsked(engine, shards, 'yak', false)).toEqual([]);
    expect(shardsAsked(engine, shards, 'wombat', false)).toEqual(['a', 'b', 'c']);
    // Completing the last word may find terms in any shard: every shard is asked.
    expect(shardsAsked(engine, shards, 'em', true)).toEqual(['a', 'b', 'c']);
    // The word moves: removed from b (another document takes its ordinal), added to c.
    shards[1]!.delete(docs[4]!.id);
    shards[2]!.set({ ...docs[5]!, text: `${docs[5]!.text}\nEmu` });
    expect(shardsAsked(engine, shards, 'emu', false)).toEqual(['c']);
    expect(found(engine, 'emu')).toEqual([docs[5]!.id]);
    shards[2]!.clear();
    expect(shardsAsked(engine, shards, 'emu', false)).toEqual([]);
    expect(found(engine, 'emu')).toEqual([]);
  });

  it('forgets a built shard’s words when it is replaced or removed, and keeps finding what the others hold', () => {
    const engine = newEngine();
    const docs = annotations(8).map((doc, n) => ({ ...doc, text: `${doc.text}\n${n < 4 ? 'Capybara' : 'Narwhal'} sighting` }));
    engine.setShard('notes/0', docs.slice(0, 4));
    engine.setShard('notes/1', docs.slice(4));
    expect(found(engine, 'capybara').sort()).toEqual(docs.slice(0, 4).map((doc) => doc.id).sort());
    engine.setShard('notes/0', docs.slice(0, 2).map((doc) => ({ ...doc, text: doc.text.replace('Capybara', 'Okapi') })));
    expect(found(engine, 'capybara')).toEqual([]);
    expect(found(engine, 'okapi').sort()).toEqual(docs.slice(0, 2).map((doc) => doc.id).sort());
    expect(found(engine, 'narwhal sighting').sort()).toEqual(docs.slice(4).map((doc) => doc.id).sort());
    engine.removeShard('notes/1');
    expect(found(engine, 'narwhal')).toEqual([]);
    // An idf over all shards still counts the corpus: a common word ranks the same as before.
    const common = engine.search('Kosovo', { limit: 5, prefix: false }).results.map((r) => r.id);
    expect(common).toEqual(newEngine().search('Kosovo', { limit: 5, prefix: false }).results.map((r) => r.id));
  });
});

describe('near spellings', () => {
  it('builds the automaton for a word once per query, and one per word and distance', () => {
    const first = fuzzyTokenSet('procurement', 2);
    expect(fuzzyTokenSet('procurement', 2)).toBe(first);
    const nearer = fuzzyTokenSet('procurement', 1);
    expect(nearer).not.toBe(first);
    const words = TokenSets.fromArray(['procurment', 'procurxment', 'prucorement'].sort());
    // Two edits reach all three; one edit only the dropped letter and the inserted one.
    expect(words.intersect(first).toArray().sort()).toEqual(['procurment', 'procurxment', 'prucorement']);
    expect(words.intersect(nearer).toArray().sort()).toEqual(['procurment', 'procurxment']);
    // Reused by the next shard, it still matches the same words.
    expect(words.intersect(fuzzyTokenSet('procurement', 1)).toArray().sort()).toEqual(['procurment', 'procurxment']);
  });

  it('finds the same near spellings in every shard as a shard of its own would', () => {
    const docs = annotations(12).map((doc, n) => ({ ...doc, text: `${doc.text}\n${['Procurment', 'Procurement', 'Prokurement'][n % 3]} plan` }));
    const sharded = newEngine();
    docs.forEach((doc, n) => sharded.setShard(`notes/${n % 4}`, docs.filter((_d, m) => m % 4 === n % 4)));
    const together = newEngine();
    together.setShard('notes', docs);
    const ids = (engine: SearchEngine) => engine.search('procurrement', { limit: ALL, prefix: false }).results.map((r) => r.id).filter((id) => id.startsWith('annotation:')).sort();
    expect(sharded.search('procurrement', { prefix: false }).fuzzy).toBe(true);
    expect(ids(sharded)).toEqual(ids(together));
    // "Procurment" and "Procurement" both, whichever shard holds them.
    expect(ids(sharded).length).toBeGreaterThanOrEqual(8);
  });
});
