/**
 * Search latency at 1x, 10x and 50x the bundled corpus, with MiniSearch over the same passages
 * and queries in the same run as the reference.
 *
 * The larger libraries are synthesised from the corpus's own sentences: each new passage takes
 * sentences from passages of different papers and puts them in a new order, so the vocabulary,
 * term frequencies and passage lengths stay realistic (repeating one passage would make every
 * posting list identical and the index trivially compressible).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { CorpusSchema, type Entity } from '../electron/core/corpus/schema';
import { buildIndex, loadIndex, serializeIndex } from '../electron/core/search/build-index';
import { corpusToSearchDocuments, searchId } from '../electron/core/search/corpus-documents';
import { SearchEngine } from '../electron/core/search/engine';
import { annotationToSearchDocument } from '../electron/core/search/user-documents';
import { ShardedCollection } from '../electron/core/search/user-shards';
import type { SearchDocument } from '../electron/core/search/types';
import type { BenchRow } from './types';

const root = resolve(import.meta.dirname, '..');
const SCALES = [1, 10, 50];
const ROUNDS = 5;

/** What people type: names with and without diacritics, acronyms, topics, phrases, words half typed. */
export const QUERIES = [
  'Vučić', 'vucic', 'Kurti', 'Radojicic', 'Radoičić', 'Türkiye', 'turkiye', 'iber lepenc', 'Ibër-Lepenc',
  'KSF', 'Kosovo Security Force', 'KFOR', 'NATO membership', 'Banjska', 'Banj', 'Banjksa',
  'normalisation', 'normalization of relations', 'defence', 'defense spending', 'centre of excellence',
  '"silence procedure"', '"Partnership for Peace"', '"territorial defence"', 'Kosovo', 'Kosovo Police',
  'EU dialogue', 'Serb List', 'northern Kosovo', 'Adriatic Charter', 'Washington agreement',
  'security barometer', 'visa liberalisation', 'Bosnia and Herzegovina', 'parliamentary assembly', 'cyber', 'organisation', 'recomm',
];

interface BenchCorpus {
  docs: SearchDocument[];
  entities: Pick<Entity, 'id' | 'name' | 'aliases'>[];
}

function loadCorpus(): BenchCorpus {
  const corpusPath = join(root, 'resources/corpus/corpus.json');
  if (existsSync(corpusPath)) {
    const corpus = CorpusSchema.parse(JSON.parse(readFileSync(corpusPath, 'utf8')));
    return { docs: corpusToSearchDocuments(corpus), entities: corpus.entities };
  }
  // Before the corpus build exists: the seed texts' paragraphs.
  const docs: SearchDocument[] = [];
  for (const file of readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort()) {
    const docId = `seed-${file.slice(0, 3)}`;
    readFileSync(join(root, 'seeds', file), 'utf8')
      .split(/\n\s*\n/)
      .map((block) => block.replace(/^#+\s*/gm, '').replace(/\s*\n\s*/g, ' ').trim())
      .filter((text) => text.length >= 3)
      .forEach((text, n) => docs.push({ type: 'passage', id: searchId('passage', `${docId}-${n}`), sourceId: `${docId}-${n}`, docId, title: docId, text, facets: { document: docId } }));
  }
  const entitiesPath = join(root, 'seeds/entities.json');
  const entities = existsSync(entitiesPath) ? (JSON.parse(readFileSync(entitiesPath, 'utf8')) as { entities: Entity[] }).entities : [];
  return { docs, entities };
}

/** A small deterministic PRNG (mulberry32), so every run measures the same library. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SENTENCE = /[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/g;

/** The corpus plus (scale - 1) synthetic copies of its passages, each made of recombined sentences. */
export function scaleCorpus(base: readonly SearchDocument[], scale: number): SearchDocument[] {
  const passages = base.filter((d) => d.type === 'passage');
  const sentencesByPassage = passages.map((p) => p.text.match(SENTENCE)?.map((s) => s.trim()).filter(Boolean) ?? [p.text]);
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const docs = [...base];
  for (let copy = 1; copy < scale; copy++) {
    passages.forEach((passage, n) => {
      const count = sentencesByPassage[n]!.length;
      const sentences: string[] = [];
      for (let s = 0; s < count; s++) sentences.push(pick(pick(sentencesByPassage)));
      const sourceId = `synthetic-${copy}-${n}`;
      const docId = `synthetic-${copy}-${passage.docId}`;
      docs.push({
        ...passage,
        id: searchId('passage', sourceId),
        sourceId,
        docId,
        title: pick(passages).title,
        text: sentences.join(' '),
        facets: { ...passage.facets, document: docId },
      });
    });
  }
  return docs;
}

const ANNOTATIONS = 10_000;
const SAVES = 20;
const TOPICS = ['Security', 'Dialogue', 'NATO accession', 'Rule of law', 'Northern Kosovo', 'Energy', 'Disinformation', 'Defence industry'];

/** Annotations as a user makes them: a quoted sentence, a note in other words, a topic or two. */
function syntheticAnnotations(base: readonly SearchDocument[], count: number, seed: number): SearchDocument[] {
  const sentences = base.filter((d) => d.type === 'passage').flatMap((p) => p.text.match(SENTENCE)?.map((x) => x.trim()) ?? []);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, n) => {
    const passage = pick(base.filter((d) => d.type === 'passage'));
    const topic = pick(TOPICS);
    return annotationToSearchDocument({
      id: `bench-${seed}-${n}`,
      docId: passage.docId,
      passageId: passage.sourceId,
      quote: pick(sentences),
      note: `${pick(sentences)} ${pick(sentences)}`,
      topics: [{ id: topic.toLowerCase().replace(/\W+/g, '-'), name: topic }],
    });
  });
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Long words of the papers with two middle letters swapped, as a hurried typist makes them. */
function misspellings(docs: readonly SearchDocument[], count: number): string[] {
  const words = [...new Set(docs.filter((d) => d.type === 'passage').flatMap((d) => d.text.toLowerCase().match(/\b[a-z]{8,12}\b/g) ?? []))].sort();
  const step = Math.max(1, Math.floor(words.length / count));
  return words.filter((_word, n) => n % step === 0).slice(0, count).map((word) => `${word.slice(0, 3)}${word[4]}${word[3]}${word.slice(5)}`);
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The bundled corpus plus 10,000 annotations: query latency, and the time from save to searchable. */
async function benchAnnotations(base: BenchCorpus): Promise<BenchRow[]> {
  const label = `1x + ${ANNOTATIONS} annotations`;
  const annotations = syntheticAnnotations(base.docs, ANNOTATIONS, 7);
  const engine = new SearchEngine({ corpusIndex: buildIndex(base.docs), corpusDocs: base.docs, entities: base.entities });
  const collection = new ShardedCollection(engine, 'annotations');
  let start = performance.now();
  collection.setAll(annotations);
  const indexMs = performance.now() - start;
  await engine.warmUp();
  const times = timeQueries((q) => engine.search(q, { limit: 20 }));

  const miniOptions = { fields: ['title', 'text'], storeFields: ['title'], idField: 'id' };
  const mini = new MiniSearch<SearchDocument>(miniOptions);
  start = performance.now();
  mini.addAll([...base.docs, ...annotations]);
  const miniIndexMs = performance.now() - start;
  const miniSearch = (q: string) => mini.search(q, { prefix: (_term, i, terms) => i === terms.length - 1, boost: { title: 4 }, combineWith: 'AND' }).slice(0, 20);
  const miniTimes = timeQueries(miniSearch);

  // Save one new annotation, then search for its note: the time until it is found.
  const saves: number[] = [];
  const miniSaves: number[] = [];
  for (const [n, doc] of syntheticAnnotations(base.docs, SAVES, 99).entries()) {
    const marked = { ...doc, text: `${doc.text} benchmarkmarker${n}` };
    start = performance.now();
    collection.upsert(marked);
    const found = engine.search(`benchmarkmarker${n}`, { prefix: false }).results.some((r) => r.id === marked.id);
    saves.push(performance.now() - start);
    if (!found) throw new Error('a saved annotation was not found');
    start = performance.now();
    mini.add(marked);
    miniSearch(`benchmarkmarker${n}`);
    miniSaves.push(performance.now() - start);
  }
  // A misspelled word, found nowhere as typed: the query is retried with near spellings in every shard.
  const misspelled = misspellings(base.docs, 20).filter((word) => engine.search(word, { prefix: false }).fuzzy);
  const retries = misspelled.map((word) => timed(() => engine.search(word, { prefix: false, limit: 20 })));
  const miniRetries = misspelled.map((word) => timed(() => mini.search(word, { fuzzy: 0.2, combineWith: 'AND' }).slice(0, 20)));

  const ref = (value: number) => ({ name: 'minisearch', value });
  return [
    { suite: 'search', case: label, metric: 'query p50', value: percentile(times.warm, 50), unit: 'ms', reference: ref(percentile(miniTimes.warm, 50)) },
    { suite: 'search', case: label, metric: 'query p95', value: percentile(times.warm, 95), unit: 'ms', reference: ref(percentile(miniTimes.warm, 95)) },
    { suite: 'search', case: label, metric: `misspelled word, near spellings (median of ${misspelled.length})`, value: median(retries), unit: 'ms', reference: { name: 'minisearch fuzzy 0.2', value: median(miniRetries) } },
    { suite: 'search', case: label, metric: 'first query p95, after warm-up', value: percentile(times.cold, 95), unit: 'ms', reference: ref(percentile(miniTimes.cold, 95)) },
    { suite: 'search', case: label, metric: 'index all annotations', value: indexMs, unit: 'ms', reference: ref(miniIndexMs) },
    { suite: 'search', case: label, metric: 'save to searchable (median)', value: median(saves), unit: 'ms', reference: ref(median(miniSaves)) },
    { suite: 'search', case: label, metric: 'save to searchable (max)', value: Math.max(...saves), unit: 'ms', reference: ref(Math.max(...miniSaves)) },
  ];
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function heapUsedMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

interface Latencies {
  /** Each query's first run: the posting lists and phrase checks it needs are not cached yet. */
  cold: number[];
  /** Later rounds, as in a session where the same words come up again. */
  warm: number[];
}

function timeQueries(search: (q: string) => unknown): Latencies {
  const time = (q: string): number => timed(() => search(q));
  const cold = QUERIES.map(time);
  heapUsedMb(); // collect before measuring, so one engine's garbage is not charged to the other
  const warm: number[] = [];
  for (let round = 0; round < ROUNDS; round++) for (const q of QUERIES) warm.push(time(q));
  return { cold, warm };
}

/** Builds and saves the index in its own scope, so the builder's garbage is gone before timing. */
function buildAndSave(docs: readonly SearchDocument[]): { buildMs: number; saved: string } {
  const start = performance.now();
  const built = buildIndex(docs);
  const buildMs = performance.now() - start;
  return { buildMs, saved: serializeIndex(built) };
}

export async function run(): Promise<BenchRow[]> {
  const base = loadCorpus();
  const rows: BenchRow[] = await benchAnnotations(base);
  for (const scale of SCALES) {
    const docs = scaleCorpus(base.docs, scale);
    const label = `${scale}x (${docs.length} docs)`;

    const { buildMs, saved } = buildAndSave(docs);
    const heapBefore = heapUsedMb();
    let start = performance.now();
    const index = loadIndex(saved);
    const loadMs = performance.now() - start;
    const newEngine = () => new SearchEngine({ corpusIndex: index, corpusDocs: docs, entities: base.entities });
    const coldEngine = newEngine();
    const heapMb = heapUsedMb() - heapBefore;
    // Straight after load: each query's first run builds the posting lists it needs.
    const cold = timeQueries((q) => coldEngine.search(q, { limit: 20 }));
    // As the app runs it: warmed up when idle after start.
    const engine = newEngine();
    start = performance.now();
    await engine.warmUp();
    const warmUpMs = performance.now() - start;
    const heapWarmMb = heapUsedMb() - heapBefore;
    const times = timeQueries((q) => engine.search(q, { limit: 20 }));

    const miniOptions = { fields: ['title', 'text'], storeFields: ['title'], idField: 'id' };
    start = performance.now();
    let mini: MiniSearch<SearchDocument> | undefined = new MiniSearch<SearchDocument>(miniOptions);
    mini.addAll(docs);
    const miniBuildMs = performance.now() - start;
    const miniSaved = JSON.stringify(mini);
    mini = undefined;
    start = performance.now();
    const miniLoaded = MiniSearch.loadJSON<SearchDocument>(miniSaved, miniOptions);
    const miniLoadMs = performance.now() - start;
    const miniTimes = timeQueries((q) =>
      miniLoaded.search(q, { prefix: (_term, i, terms) => i === terms.length - 1, boost: { title: 4 }, combineWith: 'AND' }).slice(0, 20),
    );

    const ref = (value: number) => ({ name: 'minisearch', value });
    rows.push(
      { suite: 'search', case: label, metric: 'query p50', value: percentile(times.warm, 50), unit: 'ms', reference: ref(percentile(miniTimes.warm, 50)) },
      { suite: 'search', case: label, metric: 'query p95', value: percentile(times.warm, 95), unit: 'ms', reference: ref(percentile(miniTimes.warm, 95)) },
      { suite: 'search', case: label, metric: 'query max', value: Math.max(...times.warm), unit: 'ms', reference: ref(Math.max(...miniTimes.warm)) },
      { suite: 'search', case: label, metric: 'first query p95, after warm-up', value: percentile(times.cold, 95), unit: 'ms', reference: ref(percentile(miniTimes.cold, 95)) },
      { suite: 'search', case: label, metric: 'first query p95, no warm-up', value: percentile(cold.cold, 95), unit: 'ms', reference: ref(percentile(miniTimes.cold, 95)) },
      { suite: 'search', case: label, metric: 'warm-up (idle, in 2 ms slices)', value: warmUpMs, unit: 'ms' },
      { suite: 'search', case: label, metric: 'index build', value: buildMs, unit: 'ms', reference: ref(miniBuildMs) },
      { suite: 'search', case: label, metric: 'saved index load', value: loadMs, unit: 'ms', reference: ref(miniLoadMs) },
      { suite: 'search', case: label, metric: 'saved index size', value: saved.length / 1e6, unit: 'MB', reference: ref(miniSaved.length / 1e6) },
      { suite: 'search', case: label, metric: 'heap after load', value: heapMb, unit: 'MB' },
      { suite: 'search', case: label, metric: 'heap after warm-up', value: heapWarmMb, unit: 'MB' },
    );
  }
  return rows;
}
