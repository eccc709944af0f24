import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkedCorpusFile, checkedCorpusStamp } from './checked-corpus.js';
import { CorpusSchema, type Corpus, type CorpusDocument, type Footnote, type Passage, type Recommendation, type Section } from './schema.js';
import { parseSeed } from './parse/index.js';
import { describeSeedMetadata } from './metadata/index.js';
import { withPrintedPages } from '../metadata/provenance.js';
import { readSeeds } from './seeds.js';
import { detectMentions, loadEntityCatalogue } from './entities/index.js';
import { extractEvents } from './events/index.js';
import { extractStatistics } from './statistics/index.js';
import { typesetDocument } from './typeset/index.js';
import { buildIndex, corpusToSearchDocuments, serializeIndex } from '../search/index.js';

/**
 * The corpus build: seeds/ (texts + metadata + entity catalogue) in, resources/corpus/ out:
 * corpus.json, one typeset PDF per paper and the search index the app loads at start. Same input, same bytes: the outputs are committed
 * and a test rebuilds them to prove they are current.
 */

export interface BuildCorpusOptions {
  seedsDir: string;
  /** Folder that receives `corpus/corpus.json` and `corpus/pdf/<docId>.pdf` (resources/ for the app). */
  outDir: string;
  /** DejaVu fonts for the typesetter; its default (resources/fonts) otherwise. */
  fontsDir?: string;
}

export interface BuildCorpusResult {
  corpus: Corpus;
  corpusFile: string;
  pdfFiles: string[];
  searchIndexFile: string;
}

/** Where the prebuilt search index of the bundled corpus lives, relative to resources/. */
export const searchIndexPath = 'corpus/search-index.json';

/**
 * The bundled corpus's lunr index, saved so that the app loads it instead of indexing every
 * passage at each start. Same corpus, same bytes.
 */
export async function writeSearchIndex(corpus: Corpus, outDir: string): Promise<string> {
  const file = join(outDir, searchIndexPath);
  await mkdir(join(outDir, 'corpus'), { recursive: true });
  await writeFile(file, `${serializeIndex(buildIndex(corpusToSearchDocuments(corpus)))}\n`);
  return file;
}

export const pdfPath = (docId: string) => `corpus/pdf/${docId}.pdf`;

function typesetNote(source: string): string {
  return `Typeset by Field Workbench from the source text ${source}. Its pages do not reproduce the layout or page numbers of the original publication.`;
}

/** Objects with their keys sorted, so that the JSON never depends on the order fields were set in. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function serialiseCorpus(corpus: Corpus): string {
  return `${JSON.stringify(sortKeys(corpus), null, 2)}\n`;
}

export async function buildCorpus(options: BuildCorpusOptions): Promise<BuildCorpusResult> {
  const documents: CorpusDocument[] = [];
  const sections: Section[] = [];
  const passages: Passage[] = [];
  const footnotes: Footnote[] = [];
  const recommendations: Recommendation[] = [];
  const pdfs: Array<{ file: string; bytes: Uint8Array }> = [];

  for (const seed of readSeeds(options.seedsDir)) {
    const parsed = parseSeed(seed.text, seed.meta);
    const metadata = describeSeedMetadata(seed.meta, seed.text, parsed.passages);
    const document: CorpusDocument = { ...parsed.document, ...metadata, pdf: pdfPath(parsed.document.id), note: typesetNote(seed.meta.source) };
    const typeset = await typesetDocument(
      { document, sections: parsed.sections, passages: parsed.passages, footnotes: parsed.footnotes },
      options.fontsDir ? { fontsDir: options.fontsDir } : {},
    );
    documents.push({ ...withPrintedPages(document, (passageId) => typeset.passagePages[passageId]), pageCount: typeset.pageCount });
    sections.push(...parsed.sections.map((s) => ({ ...s, page: typeset.sectionPages[s.id] ?? 1 })));
    passages.push(...parsed.passages.map((p) => ({ ...p, page: typeset.passagePages[p.id] ?? 1 })));
    footnotes.push(
      ...parsed.footnotes.map((f) => {
        const page = typeset.footnotePages[f.number];
        return page !== undefined ? { ...f, page } : f;
      }),
    );
    recommendations.push(...parsed.recommendations);
    pdfs.push({ file: pdfPath(document.id), bytes: typeset.pdf });
  }

  const entities = loadEntityCatalogue(options.seedsDir);
  const mentions = detectMentions(passages, entities);
  const corpus = CorpusSchema.parse({
    schemaVersion: 2,
    documents,
    sections,
    passages,
    footnotes,
    entities,
    mentions,
    recommendations,
    events: extractEvents(passages, mentions, entities),
    statistics: extractStatistics(passages, mentions, entities),
  });

  const corpusFile = join(options.outDir, 'corpus', 'corpus.json');
  await mkdir(join(options.outDir, 'corpus', 'pdf'), { recursive: true });
  const corpusText = serialiseCorpus(corpus);
  await writeFile(corpusFile, corpusText);
  await writeFile(checkedCorpusFile(options.outDir), checkedCorpusStamp(corpusText));
  const pdfFiles: string[] = [];
  for (const pdf of pdfs) {
    const file = join(options.outDir, pdf.file);
    await writeFile(file, pdf.bytes);
    pdfFiles.push(file);
  }
  const searchIndexFile = await writeSearchIndex(corpus, options.outDir);
  return { corpus, corpusFile, pdfFiles, searchIndexFile };
}
