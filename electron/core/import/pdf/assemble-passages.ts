import type { FootnoteRef, PassageKind } from '../../corpus/schema.js';
import type { ExtractedFootnote, ExtractedPassage } from '../types.js';
import { joinLines } from './join-lines.js';
import type { LineSegment } from './line-segments.js';
import type { PlacedSegment } from './reading-order.js';
import { headingLevels, headingSize, type BodyStyle } from './text-style.js';
import type { RawFootnote } from './footnote-zone.js';

/** One page, furniture removed, in reading order, with its footnote zone split off. */
export interface ReadyPage {
  page: number;
  body: PlacedSegment[];
  footnotes: RawFootnote[];
  pageNotes: LineSegment[][];
}

export interface AssemblyContext {
  body: BodyStyle;
  vocabulary: ReadonlySet<string>;
  title?: string;
  titleLines: Set<LineSegment>;
  authorLines: Set<LineSegment>;
}

interface Block {
  kind: PassageKind;
  lines: LineSegment[];
  headingSize?: number;
  page: number;
  /** Column and band of the last line, to tell when the flow moved on. */
  band: number;
  column: number;
  isTitle: boolean;
}

const SENTENCE_END = /[.!?:;"”’)\]]$/;
const BULLET = /^[•●▪◦‣▸►–\-*]\s+/;

/**
 * Turns ordered lines into passages: paragraphs (split at vertical gaps, indents, changes
 * of type, and lines that end short after a full stop), headings with levels and section
 * paths, list items, and footnotes linked to the passages that cite them. A paragraph that
 * runs on into the next column or page is joined back together.
 */
export function assemblePassages(pages: ReadyPage[], ctx: AssemblyContext): { passages: ExtractedPassage[]; footnotes: ExtractedFootnote[] } {
  const blocks: Block[] = [];
  for (const page of pages) {
    const edges = columnEdges(page.body);
    for (const placed of page.body) addLine(blocks, placed, page.page, ctx, edges);
    for (const note of page.pageNotes) {
      blocks.push({ kind: 'paragraph', lines: note, page: page.page, band: -2, column: -2, isTitle: false });
    }
  }

  const levelOf = headingLevels(blocks.filter((b) => b.kind === 'heading' && !b.isTitle).map((b) => b.headingSize!));
  const titleOffset = blocks.some((b) => b.isTitle) ? 1 : 0;
  const passages: ExtractedPassage[] = [];
  const footnotes: ExtractedFootnote[] = [];
  const sections: { level: number; title: string }[] = [];
  const numbersByPage = new Map<number, Set<number>>();
  for (const page of pages) numbersByPage.set(page.page, new Set(page.footnotes.map((f) => f.number)));

  for (const block of blocks) {
    const { text, refs } = blockText(block, ctx.vocabulary, (page) => numbersByPage.get(page) ?? new Set());
    // Bare numbers (figure line numbers, table cells, stray page numbers) carry nothing to
    // read or cite.
    if (!/\p{L}/u.test(text)) continue;
    let level: number | undefined;
    if (block.kind === 'heading') {
      level = block.isTitle ? 1 : Math.min(6, levelOf(block.headingSize!) + titleOffset);
      if (!block.isTitle) {
        while (sections.length > 0 && sections.at(-1)!.level >= level) sections.pop();
      }
    }
    passages.push({
      kind: block.kind,
      text,
      page: block.page,
      sectionPath: sections.map((s) => s.title),
      order: passages.length,
      ...(level === undefined ? {} : { level }),
      footnoteRefs: refs,
      ...ocrConfidence(block.lines),
    });
    if (block.kind === 'heading' && !block.isTitle) sections.push({ level: level!, title: text });
  }

  // The passages citing each note number, in order: looked up per note instead of every
  // note scanning every passage (a book has thousands of each).
  const citing = new Map<number, ExtractedPassage[]>();
  for (const passage of passages) {
    for (const number of new Set(passage.footnoteRefs.map((r) => r.number))) {
      const list = citing.get(number);
      if (list) list.push(passage);
      else citing.set(number, [passage]);
    }
  }
  for (const page of pages) {
    for (const note of page.footnotes) {
      const text = joinLines(note.lines, ctx.vocabulary);
      footnotes.push({
        number: note.number,
        text,
        urls: findUrls(text),
        page: note.page,
        citedBy: (citing.get(note.number) ?? []).filter((p) => p.page <= note.page).map((p) => p.order),
      });
    }
  }
  return { passages, footnotes };
}

/** Passages read by OCR say so, with their lines' mean word confidence (0-1, by characters). */
function ocrConfidence(lines: LineSegment[]): { ocr?: true; confidence?: number } {
  let characters = 0;
  let sum = 0;
  for (const line of lines) {
    if (!line.ocr) continue;
    characters += line.text.length;
    sum += line.ocr.confidence * line.text.length;
  }
  if (characters === 0) return {};
  return { ocr: true, confidence: Math.round(sum / characters) / 100 };
}

interface ColumnEdges {
  left: Map<string, number>;
  right: Map<string, number>;
}

/** The usual left edge (most common start) and the right edge of every column on a page. */
function columnEdges(body: PlacedSegment[]): ColumnEdges {
  const starts = new Map<string, Map<number, number>>();
  const right = new Map<string, number>();
  for (const p of body) {
    const key = `${p.band}:${p.column}`;
    const counts = starts.get(key) ?? new Map<number, number>();
    const x = Math.round(p.segment.x0);
    counts.set(x, (counts.get(x) ?? 0) + 1);
    starts.set(key, counts);
    right.set(key, Math.max(right.get(key) ?? -Infinity, p.segment.x1));
  }
  const left = new Map<string, number>();
  for (const [key, counts] of starts) {
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
    left.set(key, best[0]);
  }
  return { left, right };
}

function addLine(blocks: Block[], placed: PlacedSegment, page: number, ctx: AssemblyContext, edges: ColumnEdges): void {
  const line = placed.segment;
  const key = `${placed.band}:${placed.column}`;
  const isTitle = ctx.titleLines.has(line);
  const size = isTitle || ctx.authorLines.has(line) ? (isTitle ? line.size : undefined) : headingSize(line, ctx.body);
  const kind: PassageKind = size !== undefined ? 'heading' : BULLET.test(line.text) ? 'list-item' : 'paragraph';
  const previous = blocks.at(-1);
  const lastLine = previous?.lines.at(-1);
  const left = edges.left.get(key) ?? line.x0;
  // A first-line indent: this line starts inside the column's usual left edge while the
  // line before it was flush left (centred lines, like a title page's, are not indents).
  const indented = line.x0 > left + line.size * 0.8 && (!lastLine || lastLine.x0 <= left + line.size * 0.4);

  let continues = false;
  if (previous && lastLine && previous.page === page && previous.band === placed.band && previous.column === placed.column) {
    const gap = line.top - lastLine.bottom;
    const endedShort = endsParagraph(lastLine, line, edges.right.get(key) ?? lastLine.x1);
    if (kind === 'heading') {
      continues = previous.kind === 'heading' && previous.isTitle === isTitle && Math.abs(previous.headingSize! - size!) < 0.5 && gap < line.size * 0.8 && previous.lines.length < 4;
    } else if (kind === 'list-item') {
      continues = false;
    } else if (previous.kind === 'list-item') {
      // A list item's wrapped lines hang under its text, indented past the bullet.
      continues = gap < line.size * 0.5 && Math.abs(lastLine.size - line.size) < 0.6 && line.x0 > previous.lines[0]!.x0 + 1;
    } else {
      continues =
        previous.kind !== 'heading' &&
        gap < line.size * 0.5 &&
        Math.abs(lastLine.size - line.size) < 0.6 &&
        !indented &&
        !endedShort;
    }
  } else if (previous && lastLine && previous.kind !== 'heading' && kind === 'paragraph' && previous.band !== -2) {
    // A new column or page: the paragraph runs on if the last one stopped mid-sentence
    // (no full stop, and a comma or a lowercase word at its end, or this line starting in
    // lowercase), in the same type and without an indent.
    continues =
      !SENTENCE_END.test(lastLine.text) &&
      (/^[\p{Ll}\d(]/u.test(line.text) || /[\p{Ll},;–—-]$/u.test(lastLine.text)) &&
      Math.abs(lastLine.size - line.size) < 0.6 &&
      !indented;
  }
  if (continues && previous) {
    previous.lines.push(line);
    previous.band = placed.band;
    previous.column = placed.column;
    return;
  }
  blocks.push({ kind, lines: [line], ...(size === undefined ? {} : { headingSize: size }), page, band: placed.band, column: placed.column, isTitle });
}

/**
 * A line ends its paragraph when it stops at a sentence end with room to spare: room
 * enough for the next line's first word, which the typesetter would otherwise have put
 * there. (Ragged-right text has short lines inside paragraphs too.)
 */
function endsParagraph(last: LineSegment, next: LineSegment, columnRight: number): boolean {
  if (!SENTENCE_END.test(last.text)) return false;
  const room = columnRight - last.x1;
  const firstWord = next.text.split(' ')[0] ?? '';
  const charWidth = (next.x1 - next.x0) / Math.max(1, next.text.length);
  return room > Math.max(last.size * 2, (firstWord.length + 1) * charWidth);
}

/** The block's text with raised footnote markers taken out and recorded as references. */
function blockText(
  block: Block,
  vocabulary: ReadonlySet<string>,
  footnotesOnPage: (page: number) => Set<number>,
): { text: string; refs: FootnoteRef[] } {
  const markerPositions: { lineIndex: number; offset: number; number: number }[] = [];
  const lines = block.lines.map((line, lineIndex) => {
    let text = line.text;
    for (const mark of [...line.superscripts].sort((a, b) => b.offset - a.offset)) {
      const number = Number(mark.text);
      // Only a raised number whose note is printed on the same page is a marker; others
      // (exponents, "10^6") stay in the text.
      if (!/^\d{1,3}$/.test(mark.text) || !footnotesOnPage(line.page).has(number)) continue;
      text = text.slice(0, mark.offset) + '\u0000' + text.slice(mark.offset + mark.text.length);
      markerPositions.push({ lineIndex, offset: mark.offset, number });
    }
    return text;
  });
  // A private placeholder marks where each marker stood; it survives the line joining.
  const joined = joinLines(lines, vocabulary);
  const numbers = markerPositions.sort((a, b) => a.lineIndex - b.lineIndex || a.offset - b.offset).map((m) => m.number);
  const refs: FootnoteRef[] = [];
  // Cut at the placeholders rather than rebuilding the text a character at a time (that
  // was a quarter of the document's structuring on a long book).
  const pieces = joined.split('\u0000');
  let text = pieces[0]!;
  for (let i = 1; i < pieces.length; i++) {
    refs.push({ number: numbers[refs.length]!, offset: text.length });
    text += pieces[i]!;
  }
  let cleaned = text.replace(/\s+/g, ' ').trim();
  if (block.kind === 'list-item') cleaned = cleaned.replace(BULLET, '');
  // Collapsing spaces can move offsets; clamp to the text so references stay valid.
  for (const ref of refs) ref.offset = Math.min(ref.offset, cleaned.length);
  return { text: cleaned, refs };
}

const URL = /(?:https?:\/\/|www\.)[^\s<>"”]+/g;

export function findUrls(text: string): string[] {
  return [...text.matchAll(URL)].map((m) => m[0].replace(/[.,;:)\]]+$/, ''));
}
