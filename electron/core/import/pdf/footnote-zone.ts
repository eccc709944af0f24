import type { LineSegment } from './line-segments.js';
import type { PlacedSegment } from './reading-order.js';

/**
 * Footnotes are recognised where the layout shows them: lines in a smaller font than the
 * body, at the bottom of a column, the first of them starting with a number (printed
 * raised or as "1." / "1)"). A small-print block at the bottom that does not start with a
 * number (a copyright notice, a permission statement) is kept as a page note: it becomes a
 * paragraph after the page's body, so it never cuts a sentence that runs on to the next
 * column.
 */
export interface RawFootnote {
  number: number;
  lines: string[];
  page: number;
}

export interface PageSplit {
  body: PlacedSegment[];
  footnotes: RawFootnote[];
  pageNotes: LineSegment[][];
}

const SMALL_PRINT = 0.9;
const LOWER_PART = 0.45;

/** The footnote number a line opens with, and the text after it. */
export function footnoteStart(segment: LineSegment): { number: number; rest: string } | undefined {
  const raised = segment.superscripts[0];
  if (raised && raised.offset === 0 && /^\d{1,3}$/.test(raised.text)) {
    return { number: Number(raised.text), rest: segment.text.slice(raised.text.length).trim() };
  }
  const printed = /^(\d{1,3})[.)]?\s+(\S.*)$/u.exec(segment.text);
  if (printed) return { number: Number(printed[1]), rest: printed[2]! };
  return undefined;
}

export function splitFootnoteZone(placed: PlacedSegment[], bodySize: number, pageHeight: number): PageSplit {
  const groups = new Map<string, PlacedSegment[]>();
  for (const p of placed) {
    const key = `${p.band}:${p.column}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const zone = new Set<PlacedSegment>();
  const footnotes: RawFootnote[] = [];
  const pageNotes: LineSegment[][] = [];
  for (const group of groups.values()) {
    let start = group.length;
    while (start > 0) {
      const s = group[start - 1]!.segment;
      if (s.size > bodySize * SMALL_PRINT || s.y < pageHeight * (1 - LOWER_PART)) break;
      start -= 1;
    }
    // Small print must be a block of its own: if it is the whole column, it is the text.
    if (start === group.length || start === 0) continue;
    const trailing = group.slice(start);
    trailing.forEach((p) => zone.add(p));
    const lines = trailing.map((p) => p.segment);
    const first = footnoteStart(lines[0]!);
    if (first) footnotes.push(...readFootnotes(lines));
    else pageNotes.push(lines);
  }
  return { body: placed.filter((p) => !zone.has(p)), footnotes, pageNotes };
}

function readFootnotes(lines: LineSegment[]): RawFootnote[] {
  const notes: RawFootnote[] = [];
  for (const line of lines) {
    const start = footnoteStart(line);
    const current = notes.at(-1);
    // A line opening with a number starts a note only if it is the next number: footnote
    // text often wraps onto a line that begins with a year or a page number (a skipped
    // number or two is allowed, for notes that the layout split oddly).
    if (start && (!current || (start.number > current.number && start.number <= current.number + 3))) {
      notes.push({ number: start.number, lines: [start.rest], page: line.page });
    } else if (current) {
      current.lines.push(line.text);
    }
  }
  return notes.filter((n) => n.number > 0);
}
