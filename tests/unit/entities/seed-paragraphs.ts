import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Passage } from '../../../electron/core/corpus/schema';

/**
 * A deliberately simple reading of the raw seed texts into passages, for these tests only (the
 * real parser is written elsewhere): paragraphs are blocks between blank lines, with markdown
 * links, bold markers, <sup> footnote markers and stray HTML removed and words split by
 * line-end hyphenation joined. Footnote lines ("12 Read more at: ...") become footnote passages.
 */
export const SEEDS_DIR = join(import.meta.dirname, '..', '..', '..', 'seeds');

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
}

function cleanBlock(block: string): string {
  return block
    .replace(/<sup>\d+<\/sup>/g, '')
    .replace(/<\/?(b|p|i|em|strong)>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|\*(?=\S)|(?<=\S)\*/g, '')
    .replace(/^#+\s*/gm, '')
    .replace(/(\p{Ll})-\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const FOOTNOTE_LINE = /^\d{1,3} (?:Read more|See |Ibid|(?=.*(?:https?:|www\.)))/;

export function seedPassages(file: string): Passage[] {
  const raw = readFileSync(join(SEEDS_DIR, file), 'utf8');
  const docId = `seed-${file.slice(0, 3)}`;
  const passages: Passage[] = [];
  for (const block of raw.split(/\n\s*\n/)) {
    const text = cleanBlock(block);
    if (!/\p{L}/u.test(text)) continue;
    const order = passages.length;
    passages.push({
      id: `${docId}-p${order}`,
      docId,
      sectionPath: [],
      kind: FOOTNOTE_LINE.test(text) ? 'footnote' : 'paragraph',
      text,
      page: 1,
      order,
      footnoteRefs: [],
      links: [],
      backMatter: false,
    });
  }
  return passages;
}

export function allSeedPassages(): Passage[] {
  return seedFiles().flatMap(seedPassages);
}
