import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Corpus } from '../electron/core/corpus/schema';
import { rankOptions, type TypeAheadOption } from '../renderer/src/components/type-ahead-ranking';
import { findInText } from '../renderer/src/views/reader/text-find';
import type { BenchRow } from './types';

const runs = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * The renderer's pure hot paths, in Node on the real corpus, as a keystroke meets them:
 * - find in the text view: every hit of a phrase in the whole bundled corpus's text
 *   (folded: case, accents, dashes, spaces), against a plain lower-cased indexOf scan of the
 *   same text, which folds nothing. The first search folds the text; the rows are the
 *   median over keystrokes (the text, unchanged, is folded once), and the first on its own;
 * - the type-ahead's ranking over 10,000 options (a large codebook or entity list), against
 *   a plain substring filter of the same options, which ranks nothing (names folded once
 *   per list, as while typing).
 */
export async function run(): Promise<BenchRow[]> {
  const corpus = JSON.parse(await readFile(join(resolve(import.meta.dirname, '..'), 'resources/corpus/corpus.json'), 'utf8')) as Corpus;
  const text = corpus.passages.map((passage) => passage.text).join(' ');
  const query = 'Kosovo Police';
  let hits = 0;
  const first = performance.now();
  findInText(`${text} `, query);
  const firstSearch = performance.now() - first;
  const find = time(() => (hits = findInText(text, query).length));
  const plain = time(() => {
    const haystack = text.toLowerCase();
    const needle = query.toLowerCase();
    let count = 0;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
    return count;
  });

  const names = corpus.entities.map((entity) => entity.name);
  const options: TypeAheadOption[] = Array.from({ length: 10_000 }, (_, index) => ({ id: `o${index}`, label: `${names[index % names.length]} ${index}`, keywords: [`Group ${index % 50} / ${names[index % names.length]}`] }));
  const rank = time(() => rankOptions(options, 'trust'));
  const firstRank = time(() => rankOptions([...options], 'trust'));
  const filter = time(() => options.filter((option) => option.label.toLowerCase().includes('trust')).slice(0, 8));

  return [
    { suite: 'renderer', case: `find "${query}" in the corpus text (${(text.length / 1e6).toFixed(1)} M chars, ${hits} hits)`, metric: 'median per keystroke', value: find, unit: 'ms', reference: { name: 'lower-cased indexOf scan', value: plain } },
    { suite: 'renderer', case: `find "${query}" in the corpus text (${(text.length / 1e6).toFixed(1)} M chars, ${hits} hits)`, metric: 'first search (folds the text)', value: firstSearch, unit: 'ms', reference: { name: 'lower-cased indexOf scan', value: plain } },
    { suite: 'renderer', case: 'type-ahead ranking of 10,000 options for "trust"', metric: 'median per keystroke', value: rank, unit: 'ms', reference: { name: 'plain substring filter', value: filter } },
    { suite: 'renderer', case: 'type-ahead ranking of 10,000 options for "trust"', metric: 'first keystroke (folds the names)', value: firstRank, unit: 'ms', reference: { name: 'plain substring filter', value: filter } },
  ];
}
