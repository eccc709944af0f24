/**
 * The real data the search tests run on: the structured corpus when the corpus build has
 * produced it, otherwise paragraphs split from the raw seed texts (same words, less structure).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusSchema, type Corpus, type Entity } from '../../../electron/core/corpus/schema';
import { corpusToSearchDocuments, searchId } from '../../../electron/core/search/corpus-documents';
import type { SearchDocument } from '../../../electron/core/search/types';

const ROOT = join(import.meta.dirname, '../../..');
const CORPUS_PATH = join(ROOT, 'resources/corpus/corpus.json');
const SEEDS = join(ROOT, 'seeds');

export interface TestCorpus {
  source: 'corpus.json' | 'seeds';
  corpus?: Corpus;
  docs: SearchDocument[];
  entities: Pick<Entity, 'id' | 'name' | 'aliases'>[];
}

let cached: TestCorpus | undefined;

export function loadTestCorpus(): TestCorpus {
  cached ??= existsSync(CORPUS_PATH) ? fromCorpusJson() : fromSeeds();
  return cached;
}

function fromCorpusJson(): TestCorpus {
  const corpus = CorpusSchema.parse(JSON.parse(readFileSync(CORPUS_PATH, 'utf8')));
  return { source: 'corpus.json', corpus, docs: corpusToSearchDocuments(corpus), entities: corpus.entities };
}

function seedEntities(): TestCorpus['entities'] {
  const path = join(SEEDS, 'entities.json');
  if (!existsSync(path)) return [];
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { entities: Entity[] };
  return parsed.entities;
}

/** Seed paragraphs: blank-line separated blocks, markdown markers stripped. */
export function seedParagraphs(): { docId: string; text: string }[] {
  const paragraphs: { docId: string; text: string }[] = [];
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const docId = `seed-${file.slice(0, 3)}`;
    const raw = readFileSync(join(SEEDS, file), 'utf8');
    for (const block of raw.split(/\n\s*\n/)) {
      const text = block.replace(/^#+\s*/gm, '').replace(/\s*\n\s*/g, ' ').trim();
      if (text.length >= 3) paragraphs.push({ docId, text });
    }
  }
  return paragraphs;
}

function fromSeeds(): TestCorpus {
  const entities = seedEntities();
  const docs: SearchDocument[] = seedParagraphs().map((p, n) => ({
    type: 'passage',
    id: searchId('passage', `${p.docId}-p${n}`),
    sourceId: `${p.docId}-p${n}`,
    docId: p.docId,
    title: p.docId,
    text: p.text,
    facets: { document: p.docId, entities: entities.filter((e) => [e.name, ...e.aliases].some((name) => p.text.includes(name))).map((e) => e.id) },
  }));
  for (const entity of entities) {
    docs.push({ type: 'entity', id: searchId('entity', entity.id), sourceId: entity.id, title: entity.name, text: (entity as Entity).description, keywords: entity.aliases.join(' ; '), facets: { entities: [entity.id] } });
  }
  return { source: 'seeds', docs, entities };
}
