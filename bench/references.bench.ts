import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/core';
import { invokeOrThrow } from '../electron/core/api/invoke';
import type { ImportResult } from '../electron/core/import';
import type { BenchRow } from './types';

const resourcesDir = resolve(import.meta.dirname, '../resources');
const count = 2_000;

/** A Better BibTeX-shaped library of `count` distinct works: macros, accents, corporate authors, biblatex dates. */
function library(): string {
  const entries = ['@string{kcss = {Kosovar Centre for Security Studies}}'];
  for (let i = 0; i < count; i++) {
    entries.push(
      i % 3 === 0
        ? `@report{kcss${i},\n  title = {Security Barometer, Edition {{${i}}}},\n  author = {{Kosovar Centre for Security Studies}},\n  institution = kcss,\n  date = {${2000 + (i % 25)}-0${1 + (i % 9)}},\n  urldate = {2024-03-14},\n  note = {Trust fell by ${i % 50}\\%}\n}`
        : `@article{vucic${i},\n  title = {The {{Serbia-Kosovo}} Agreements, Part ${i}},\n  author = {Vu{\\v{c}}i{\\'c}, Aleksandar and Bieber, Florian and others},\n  journaltitle = {Review of Central and East European Law},\n  date = {${1990 + (i % 35)}-11-23},\n  pages = {${i}--${i + 30}},\n  doi = {10.1163/bench.${i}}\n}`,
    );
  }
  return entries.join('\n\n') + '\n';
}

/**
 * Importing a reference library: a 2,000-entry BibLaTeX file into an empty workspace (parse,
 * normalise, key, find duplicates, one transaction), then the same file again (everything a
 * duplicate, nothing written). The reference is Pandoc reading the same file into CSL-JSON.
 */
export async function run(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'workbench-bench-references-'));
  try {
    const file = join(root, 'library.bib');
    await writeFile(file, library());
    const core = await createCore({ workspaceDir: join(root, 'ws'), resourcesDir, holder: 'bench', deferSearch: true });
    let started = performance.now();
    const first = (await invokeOrThrow(core.dispatch, 'import.file', { path: file })) as ImportResult;
    const importMs = performance.now() - started;
    if (first.references?.added !== count) throw new Error(`added ${first.references?.added} of ${count}`);
    started = performance.now();
    const again = (await invokeOrThrow(core.dispatch, 'import.file', { path: file })) as ImportResult;
    const againMs = performance.now() - started;
    if (again.references?.skipped !== count) throw new Error('the second import added or merged references');
    started = performance.now();
    await invokeOrThrow(core.dispatch, 'references.list', { query: 'vucic agreements' });
    const filterMs = performance.now() - started;
    await core.close();

    started = performance.now();
    const pandoc = spawnSync('pandoc', ['-f', 'biblatex', '-t', 'csljson', file], { encoding: 'utf8', maxBuffer: 1e9 });
    const pandocMs = performance.now() - started;
    const reference = pandoc.status === 0 ? { reference: { name: 'pandoc -f biblatex -t csljson, same file', value: pandocMs } } : {};
    return [
      { suite: 'references', case: `import a ${count.toLocaleString('en')}-entry .bib into an empty library`, metric: 'time', value: importMs, unit: 'ms', ...reference },
      { suite: 'references', case: 'import the same .bib again (all skipped, nothing written)', metric: 'time', value: againMs, unit: 'ms' },
      { suite: 'references', case: `filter ${count.toLocaleString('en')} references (references.list with a query)`, metric: 'time', value: filterMs, unit: 'ms' },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
