import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusSchema, type CorpusDocument, type Passage } from '../../../electron/core/corpus/schema';
import { createCorpusSources } from '../../../electron/core/citations/corpus-sources';
import type { CitationSources, CitationTarget } from '../../../electron/core/citations/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const seedsDir = path.join(root, 'seeds');
const corpusJson = path.join(root, 'resources/corpus/corpus.json');

export interface TestCorpus {
  documents: CorpusDocument[];
  passages: Passage[];
  sources: CitationSources;
  /** Where the data came from, so a failure says which. */
  origin: 'corpus.json' | 'seeds';
  resolveKey(key: string): CitationTarget | undefined;
  documentTitled(pattern: RegExp): CorpusDocument;
  /** Body paragraphs of a document, in reading order. */
  paragraphsOf(docId: string): Passage[];
}

/**
 * The papers' real metadata as printed in the seed texts (title page, CIP record,
 * "By:" lines). Used until the corpus build's resources/corpus/corpus.json exists.
 */
export const seedMetadata: Array<Omit<CorpusDocument, 'editors' | 'language' | 'origin' | 'pageCount'> & { editors?: string[] }> = [
  {
    id: 'kosovo-foreign-and-security-challenges',
    source: '000_e87488ddfbf88c13.txt',
    title: 'Kosovo Foreign and Security Challenges and Priorities',
    authors: ['Ramadan Ilazi'],
    publishers: ['Kosovar Centre for Security Studies', 'Konrad-Adenauer-Stiftung'],
    year: 2026,
    isbn: '978-9951-842-58-7',
    kind: 'report',
  },
  {
    id: 'from-crisis-management-to-stability',
    source: '001_854a494500a4b47a.txt',
    title: 'From Crisis Management to Stability and Integration',
    subtitle: "Navigating Kosovo's Security Landscape",
    authors: ['Ramadan Ilazi', 'Leureta Lumi'],
    publishers: ['Kosovar Centre for Security Studies'],
    year: 2024,
    kind: 'policy-paper',
  },
  {
    id: 'building-trust-under-difficult-conditions',
    source: '002_9f88dff86ea5da05.txt',
    title: 'Building Trust under Difficult Conditions',
    subtitle: 'Kosovo/Serbia and the View of the Neighbours',
    authors: ['Miodrag Milićević', 'Lulzim Peci', 'Predrag Jureković'],
    publishers: ['PfP Consortium Study Group “Regional Stability in South East Europe”'],
    year: 2024,
    kind: 'policy-paper',
  },
  {
    id: 'discussion-of-kosovo-nato-relations',
    source: '003_ed6381770ad57015.txt',
    title: 'A Discussion of Kosovo-NATO Relations and Prospects for Greater Cooperation',
    authors: ['Leureta Lumi'],
    editors: ['Ramadan Ilazi'],
    publishers: ['Kosovar Centre for Security Studies'],
    year: 2024,
    isbn: '978-9951-842-31-0',
    kind: 'discussion-paper',
  },
  {
    id: 'how-to-advance-kosovo-nato-relations',
    source: '004_8f46781e496f4f68.txt',
    title: 'How to Advance Kosovo-NATO Relations?',
    authors: ['Ramadan Ilazi', 'Jeta Loshaj', 'Yerai Dheur', 'Pia-Katharina Pallasch'],
    publishers: ['Kosovar Centre for Security Studies'],
    year: 2025,
    kind: 'policy-brief',
  },
];

/** Readable body paragraphs of a seed: long prose blocks, markup stripped. Pages are estimated (about four paragraphs a page). */
function seedPassages(document: CorpusDocument): Passage[] {
  const text = readFileSync(path.join(seedsDir, document.source), 'utf8');
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.replace(/<[^>]+>/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim())
    .filter((b) => b.length > 150 && !/^[#|•*-]/.test(b) && !b.includes('\t'));
  return blocks.map((body, order) => ({
    id: `${document.id}-p${order + 1}`,
    docId: document.id,
    sectionPath: [],
    kind: 'paragraph',
    text: body,
    page: 1 + Math.floor(order / 4),
    order,
    footnoteRefs: [],
    links: [],
    backMatter: false,
  }));
}

function fromSeeds(): { documents: CorpusDocument[]; passages: Passage[] } {
  const documents = seedMetadata.map((meta): CorpusDocument => ({ editors: [], language: 'en', origin: 'bundled', pageCount: 0, ...meta }));
  const passages = documents.flatMap(seedPassages);
  for (const document of documents) document.pageCount = Math.max(1, ...passages.filter((p) => p.docId === document.id).map((p) => p.page));
  return { documents, passages };
}

function fromCorpusJson(): { documents: CorpusDocument[]; passages: Passage[] } {
  const corpus = CorpusSchema.parse(JSON.parse(readFileSync(corpusJson, 'utf8')));
  return { documents: corpus.documents, passages: corpus.passages };
}

let cached: TestCorpus | undefined;

export function loadTestCorpus(): TestCorpus {
  if (cached) return cached;
  const origin = existsSync(corpusJson) ? 'corpus.json' : 'seeds';
  const { documents, passages } = origin === 'corpus.json' ? fromCorpusJson() : fromSeeds();
  const passagesById = new Map(passages.map((p) => [p.id, p]));
  const documentsById = new Map(documents.map((d) => [d.id, d]));
  cached = {
    documents,
    passages,
    origin,
    sources: createCorpusSources({ documents, passages }),
    resolveKey(key) {
      const passage = passagesById.get(key);
      if (passage) return { kind: 'passage', id: passage.id, docId: passage.docId };
      const document = documentsById.get(key);
      return document ? { kind: 'document', id: document.id, docId: document.id } : undefined;
    },
    documentTitled(pattern) {
      const found = documents.find((d) => pattern.test(d.title));
      if (!found) throw new Error(`No document titled ${pattern} in the ${origin} corpus`);
      return found;
    },
    paragraphsOf(docId) {
      return passages.filter((p) => p.docId === docId && p.kind === 'paragraph' && !p.backMatter).sort((a, b) => a.order - b.order);
    },
  };
  return cached;
}

/**
 * The year as a style prints it: a year the paper prints as it is, a year inferred from the
 * content as a supplied date ("[2025]" in Chicago, "ca. 2025" in APA), no year as "n.d.".
 */
export function printedYear(document: CorpusDocument, style: 'chicago-author-date' | 'apa' | 'chicago-note-bibliography' = 'chicago-author-date'): string {
  if (document.year === undefined) return 'n.d.';
  if (document.provenance?.year?.source !== 'inferred') return String(document.year);
  return style === 'apa' ? `ca. ${document.year}` : `[${document.year}]`;
}

/** The expected in-text citation for a document in an author-date style. */
export function expectedInText(style: 'chicago-author-date' | 'apa', author: string, document: CorpusDocument, page: string | number): string {
  if (style === 'apa') return `(${author}, ${printedYear(document, 'apa')}, p. ${page})`;
  return document.year === undefined ? `(${author}, n.d., ${page})` : `(${author} ${printedYear(document)}, ${page})`;
}
