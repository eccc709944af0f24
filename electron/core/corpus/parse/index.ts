import type { CorpusDocument } from '../schema.js';
import type { ParsedSeed, SeedMeta } from './types.js';
import { readBlocks } from './blocks.js';
import { buildFootnotes } from './footnotes.js';
import { resolveHeadings } from './headings.js';
import { vocabularyOf } from './hyphenation.js';
import { repairPageBreaks } from './page-breaks.js';
import { buildStructure } from './passages.js';
import { extractRecommendations } from './recommendations/index.js';
import { repairTables } from './tables.js';

export type { ParsedSeed, SeedMeta } from './types.js';

/**
 * Parses one seed text (extracted from a PDF, messy) into the corpus shapes. Pages are
 * placeholders (1, pageCount 0): the typesetter assigns the real ones.
 */
export function parseSeed(text: string, meta: SeedMeta): ParsedSeed {
  const vocabulary = vocabularyOf(text);
  const read = readBlocks(text, { vocabulary, hasFootnoteMarkers: /<sup>\s*\d+\s*<\/sup>/i.test(text) });
  const resolved = resolveHeadings(read.blocks, read.toc, meta);
  const flowing = repairTables(repairPageBreaks(resolved, vocabulary));
  const { sections, passages: built } = buildStructure(meta.id, flowing, vocabulary);
  const passages = built.map((b) => b.passage);

  const document: CorpusDocument = {
    id: meta.id,
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    authors: meta.authors,
    editors: meta.editors ?? [],
    publishers: meta.publishers,
    kind: meta.kind,
    language: meta.language ?? 'en',
    origin: 'bundled',
    source: meta.source,
    pageCount: 0,
  };

  return {
    document,
    sections,
    passages,
    footnotes: buildFootnotes(meta.id, read.footnotes, passages),
    recommendations: extractRecommendations(meta.id, built, sections),
  };
}
