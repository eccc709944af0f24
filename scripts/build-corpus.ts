import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from '../electron/core/corpus/build.js';

/**
 * `npm run corpus`: rebuilds resources/corpus/ (corpus.json, the typeset PDFs and the search index) from seeds/.
 * Options: --seeds DIR, --out DIR (defaults: the checkout's seeds/ and resources/).
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  return value ? resolve(value) : fallback;
}

const seedsDir = option('--seeds', join(root, 'seeds'));
const outDir = option('--out', join(root, 'resources'));

const { corpus, corpusFile, pdfFiles, searchIndexFile } = await buildCorpus({ seedsDir, outDir });
console.log(
  `Corpus: ${corpus.documents.length} documents, ${corpus.sections.length} sections, ${corpus.passages.length} passages, ` +
    `${corpus.footnotes.length} footnotes, ${corpus.recommendations.length} recommendations, ${corpus.entities.length} entities, ` +
    `${corpus.mentions.length} mentions, ${corpus.events.length} events, ${corpus.statistics.length} statistics.`,
);
console.log(`Wrote ${relative(process.cwd(), corpusFile)}, ${pdfFiles.length} PDFs and ${relative(process.cwd(), searchIndexFile)}.`);
