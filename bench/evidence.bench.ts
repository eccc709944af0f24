/**
 * The evidence views: building events, figure groups and the entity network for the bundled
 * corpus at 1x and 50x, and the time each view takes to first show its data in Chromium.
 *
 * 50x is synthesised as the search bench does it: new passages made of the corpus's own
 * sentences, drawn from different passages and put in a new order, in 49 copies of each paper,
 * so dates, names and figures recur at realistic densities; mentions are detected on them with
 * the real catalogue (not timed). References, measured in the same run: reading and parsing
 * the corpus JSON of the same size, and building the search index over the same passages.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CorpusSchema, type Corpus, type Passage } from '../electron/core/corpus/schema';
import { detectMentions } from '../electron/core/corpus/entities/index';
import { extractEvents } from '../electron/core/corpus/events/index';
import { extractStatistics } from '../electron/core/corpus/statistics/index';
import { buildNetwork, groupFigures } from '../electron/core/evidence/index';
import { buildIndex } from '../electron/core/search/build-index';
import { corpusToSearchDocuments } from '../electron/core/search/corpus-documents';
import { closeBrowser, startApp } from '../tests/e2e/harness';
import { random, SENTENCE } from './search.bench';
import type { BenchRow } from './types';

const root = resolve(import.meta.dirname, '..');
const corpusPath = join(root, 'resources/corpus/corpus.json');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(task: () => T, runs: number): { ms: number; result: T } {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = task();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result: result as T };
}

/** The corpus plus (scale - 1) copies of each paper whose passages are recombined sentences. */
export function scaleCorpus(corpus: Corpus, scale: number): Corpus {
  const next = random(7);
  const body = corpus.passages.filter((p) => p.kind !== 'heading' && p.kind !== 'footnote' && p.kind !== 'table-row');
  const sentences = body.flatMap((p) => (p.text.match(SENTENCE) ?? [p.text]).map((s) => s.trim()).filter(Boolean));
  const passages: Passage[] = [...corpus.passages];
  const documents = [...corpus.documents];
  for (let copy = 1; copy < scale; copy++) {
    for (const document of corpus.documents) {
      const docId = `${document.id}-x${copy}`;
      documents.push({ ...document, id: docId });
      corpus.passages
        .filter((p) => p.docId === document.id)
        .forEach((p, n) => {
          const count = Math.max(1, (p.text.match(SENTENCE) ?? []).length);
          const text = p.kind === 'heading' || p.kind === 'table-row' ? p.text : Array.from({ length: count }, () => sentences[Math.floor(next() * sentences.length)]).join(' ');
          passages.push({ ...p, id: `${docId}-p${n}`, docId, text });
        });
    }
  }
  const mentions = detectMentions(passages, corpus.entities);
  return { ...corpus, documents, passages, mentions, events: [], statistics: [] };
}

async function paintRows(): Promise<BenchRow[]> {
  const app = await startApp({ viewport: { width: 1280, height: 800 } });
  const runs = 5;
  try {
    const measure = async (hash: string, ready: string) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        await app.goto('#/library');
        await app.page.waitForSelector('.document-card');
        const start = performance.now();
        await app.page.evaluate(`window.location.hash = '${hash}'`);
        await app.page.waitForSelector(ready, { state: 'attached' });
        times.push(performance.now() - start);
      }
      return median(times);
    };
    const reference = { name: 'route to Entities list shown', value: await measure('#/entities', '.entity-link') };
    const row = (view: string, value: number): BenchRow => ({ suite: 'evidence', case: `${view} view, 1280×800`, metric: 'median route to data drawn', value, unit: 'ms', reference });
    return [
      row('Timeline', await measure('#/evidence/timeline', '.evidence-timeline[data-ready="true"] .vis-item')),
      row('Figures', await measure('#/evidence/figures', '.evidence-figure-group')),
      row('Network', await measure('#/evidence/network', '.evidence-network[data-ready="true"]')),
    ];
  } finally {
    await app.close();
    await closeBrowser();
  }
}

export async function run(): Promise<BenchRow[]> {
  const text = readFileSync(corpusPath, 'utf8');
  const base = CorpusSchema.parse(JSON.parse(text));
  const rows: BenchRow[] = [];
  for (const scale of [1, 50]) {
    const corpus = scale === 1 ? base : scaleCorpus(base, scale);
    const runs = scale === 1 ? 5 : 1;
    const json = scale === 1 ? text : JSON.stringify(corpus);
    const parse = time(() => JSON.parse(json) as unknown, runs).ms;
    const index = time(() => buildIndex(corpusToSearchDocuments(corpus)), 1).ms;
    const label = `${scale}x (${corpus.passages.length} passages)`;
    const events = time(() => extractEvents(corpus.passages, corpus.mentions, corpus.entities), runs);
    const statistics = time(() => extractStatistics(corpus.passages, corpus.mentions, corpus.entities), runs);
    const groups = time(() => groupFigures(statistics.result, corpus.entities, corpus.documents), runs);
    const network = time(() => buildNetwork(corpus.passages, corpus.mentions, corpus.entities), runs);
    const parseRef = { name: 'JSON.parse corpus', value: parse };
    const indexRef = { name: 'build search index', value: index };
    rows.push(
      { suite: 'evidence', case: `extract events ${label}: ${events.result.length} events`, metric: 'median', value: events.ms, unit: 'ms', reference: indexRef },
      { suite: 'evidence', case: `extract figures ${label}: ${statistics.result.length}`, metric: 'median', value: statistics.ms, unit: 'ms', reference: indexRef },
      { suite: 'evidence', case: `group figures ${label}: ${groups.result.length} groups`, metric: 'median', value: groups.ms, unit: 'ms', reference: parseRef },
      { suite: 'evidence', case: `build network ${label}: ${network.result.edges.length} edges`, metric: 'median', value: network.ms, unit: 'ms', reference: parseRef },
    );
  }
  return [...rows, ...(await paintRows())];
}
