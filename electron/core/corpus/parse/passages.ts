import type { FootnoteRef, InlineLink, Passage, PassageKind, Section } from '../schema.js';
import type { ResolvedBlock } from './headings.js';
import type { BuiltPassage } from './types.js';
import { cleanInline, type CleanInline, type Span } from './inline.js';
import { repairGluedWords, type Vocabulary } from './hyphenation.js';
import { IdAllocator } from './ids.js';

/**
 * Last pass: resolved blocks become sections and passages with stable ids, each passage
 * knowing its section path, its footnote markers and its links.
 */

export interface BuiltStructure {
  sections: Section[];
  passages: BuiltPassage[];
}

/** An interview quote set in italics, with its attribution in parentheses. */
function isQuote(raw: string): boolean {
  const t = raw.trim();
  return /^\*[“"]/.test(t) && /\*$/.test(t) && !t.startsWith('**');
}

/** Cleans each cell and joins them with tabs, moving footnote markers and links to the joined offsets. */
function cleanRow(cells: string[], vocabulary: Vocabulary): CleanInline & { cells: string[] } {
  const cleaned = cells.map((c) => cleanInline(repairGluedWords(c, vocabulary)));
  const footnoteRefs: FootnoteRef[] = [];
  const links: InlineLink[] = [];
  const bold: Span[] = [];
  let offset = 0;
  cleaned.forEach((cell, index) => {
    if (index > 0) offset += 1;
    for (const r of cell.footnoteRefs) footnoteRefs.push({ number: r.number, offset: r.offset + offset });
    for (const l of cell.links) links.push({ ...l, start: l.start + offset, end: l.end + offset });
    for (const s of cell.bold) bold.push({ start: s.start + offset, end: s.end + offset });
    offset += cell.text.length;
  });
  return { text: cleaned.map((c) => c.text).join('\t'), cells: cleaned.map((c) => c.text), footnoteRefs, links, bold };
}

export function buildStructure(docId: string, blocks: ResolvedBlock[], vocabulary: Vocabulary): BuiltStructure {
  const passageIds = new IdAllocator(docId);
  const sectionIds = new IdAllocator(`${docId}-s`);
  const sections: Section[] = [];
  const passages: BuiltPassage[] = [];
  /** Open sections from the top level down. */
  let stack: Section[] = [];

  for (const block of blocks) {
    if (block.kind === 'heading') {
      const level = block.level ?? 1;
      stack = stack.filter((s) => s.level < level);
      const title = block.title ?? cleanInline(block.raw).text;
      const parent = stack[stack.length - 1];
      const section: Section = {
        id: sectionIds.next(title),
        docId,
        title,
        level,
        order: sections.length,
        ...(parent ? { parentId: parent.id } : {}),
        page: 1,
        backMatter: block.backMatter,
      };
      sections.push(section);
      stack.push(section);
      passages.push({
        passage: makePassage(docId, passageIds.next(title), 'heading', { text: title, footnoteRefs: [], links: [] }, stack, passages.length, block.backMatter, level),
        bold: [],
        ...(block.number !== undefined ? { number: block.number } : {}),
      });
      continue;
    }
    // Back matter after the body that has no heading of its own (author notes, credits) stands outside any section.
    if (block.backMatter && stack.length > 0 && !stack[stack.length - 1]!.backMatter) stack = [];

    if (block.kind === 'table-row') {
      const row = cleanRow(block.cells ?? [], vocabulary);
      if (row.cells.every((c) => c === '')) continue;
      const passage = makePassage(docId, passageIds.next(row.text), 'table-row', row, stack, passages.length, block.backMatter);
      passage.cells = row.cells;
      passages.push({ passage, bold: row.bold });
      continue;
    }

    const cleaned = cleanInline(repairGluedWords(block.raw, vocabulary));
    if (cleaned.text === '') continue;
    const kind: PassageKind = block.kind === 'list-item' ? 'list-item' : isQuote(block.raw) ? 'quote' : 'paragraph';
    passages.push({
      passage: makePassage(docId, passageIds.next(cleaned.text), kind, cleaned, stack, passages.length, block.backMatter),
      bold: cleaned.bold,
      ...(block.number !== undefined ? { number: block.number } : {}),
    });
  }
  return { sections, passages };
}

function makePassage(
  docId: string,
  id: string,
  kind: PassageKind,
  cleaned: Pick<CleanInline, 'text' | 'footnoteRefs' | 'links'>,
  stack: Section[],
  order: number,
  backMatter: boolean,
  level?: number,
): Passage {
  const section = stack[stack.length - 1];
  return {
    id,
    docId,
    ...(section ? { sectionId: section.id } : {}),
    sectionPath: stack.map((s) => s.title),
    kind,
    text: cleaned.text,
    ...(level !== undefined ? { level } : {}),
    page: 1,
    order,
    footnoteRefs: cleaned.footnoteRefs,
    links: cleaned.links,
    backMatter,
  };
}
