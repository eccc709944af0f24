import type { LineSegment } from './line-segments.js';
import type { BodyStyle } from './text-style.js';

/**
 * Puts a page's line segments in reading order. Columns are found from the page itself:
 * a gutter is a vertical strip that only full-width lines (titles, wide captions) cross,
 * with a tall stack of lines on both sides. Full-width lines split the page into bands;
 * inside a band each column is read top to bottom, columns left to right (right to left
 * on right-to-left pages).
 */
export interface PlacedSegment {
  segment: LineSegment;
  /** Column index inside its band; -1 for a line that spans the columns. */
  column: number;
  /** Increases wherever full-width lines start or end, so a paragraph never runs across them. */
  band: number;
}

const BIN = 2;
const MIN_GUTTER_WIDTH = 6;
const MIN_LINES_PER_SIDE = 5;
const MIN_COLUMN_HEIGHT_SHARE = 0.2;

export function findGutters(segments: LineSegment[], pageHeight: number, body?: BodyStyle): number[] {
  // Columns are defined by running text. Code listings, figure labels and tables in other
  // fonts often straddle the gutter or open false gaps, so they only count when a page
  // has too little body text to go by.
  const texty = segments.filter((s) => s.text.length >= 3);
  const bodyLines = body ? texty.filter((s) => Math.abs(s.size - body.size) < 0.6 && s.fonts.has(body.font)) : [];
  const candidates = bodyLines.length >= MIN_LINES_PER_SIDE * 2 ? bodyLines : texty;
  if (candidates.length < MIN_LINES_PER_SIDE * 2) return [];
  const left = Math.min(...candidates.map((s) => s.x0));
  const right = Math.max(...candidates.map((s) => s.x1));
  const bins = new Array<number>(Math.ceil((right - left) / BIN) + 1).fill(0);
  for (const s of candidates) {
    for (let i = Math.floor((s.x0 - left) / BIN); i <= Math.floor((s.x1 - left) / BIN); i++) bins[i]! += 1;
  }
  const busiest = Math.max(...bins);
  const middle = bins.slice(Math.floor(bins.length * 0.1), Math.ceil(bins.length * 0.9));
  // Lines that cross every column (titles, captions) cover the gutter too, so the gutter
  // is the quietest strip in the middle of the page, not necessarily an empty one.
  const quiet = Math.min(...middle) + Math.max(1, busiest * 0.1);
  const gutters: number[] = [];
  let start = -1;
  for (let i = 0; i <= bins.length; i++) {
    const isQuiet = i < bins.length && bins[i]! <= quiet;
    if (isQuiet && start < 0) start = i;
    if (!isQuiet && start >= 0) {
      const x0 = left + start * BIN;
      const x1 = left + i * BIN;
      if (start > 0 && i < bins.length && x1 - x0 >= MIN_GUTTER_WIDTH && isRealGutter(candidates, x0, x1, pageHeight)) {
        gutters.push((x0 + x1) / 2);
      }
      start = -1;
    }
  }
  return gutters;
}

function isRealGutter(segments: LineSegment[], x0: number, x1: number, pageHeight: number): boolean {
  const leftSide = segments.filter((s) => s.x1 <= x0 + BIN);
  const rightSide = segments.filter((s) => s.x0 >= x1 - BIN);
  const tall = (side: LineSegment[]) =>
    side.length >= MIN_LINES_PER_SIDE &&
    Math.max(...side.map((s) => s.bottom)) - Math.min(...side.map((s) => s.top)) >= pageHeight * MIN_COLUMN_HEIGHT_SHARE;
  return tall(leftSide) && tall(rightSide);
}

export function orderPage(segments: LineSegment[], pageHeight: number, body?: BodyStyle): PlacedSegment[] {
  const gutters = findGutters(segments, pageHeight, body);
  const rtlPage = segments.filter((s) => s.rtl).length > segments.length / 2;
  const byTop = [...segments].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  if (gutters.length === 0) {
    return byTop.map((segment) => ({ segment, column: 0, band: 0 }));
  }
  const columnOf = (s: LineSegment): number => {
    const spans = gutters.some((g) => s.x0 < g - BIN && s.x1 > g + BIN);
    if (spans) return -1;
    const centre = (s.x0 + s.x1) / 2;
    const index = gutters.filter((g) => g < centre).length;
    return rtlPage ? gutters.length - index : index;
  };

  const placed: PlacedSegment[] = [];
  let band = 0;
  let pending: LineSegment[] = [];
  const flush = () => {
    const columns = new Map<number, LineSegment[]>();
    for (const s of pending) {
      const c = columnOf(s);
      columns.set(c, [...(columns.get(c) ?? []), s]);
    }
    for (const c of [...columns.keys()].sort((a, b) => a - b)) {
      for (const segment of columns.get(c)!) placed.push({ segment, column: c, band });
    }
    pending = [];
  };
  let spanning = false;
  for (const s of byTop) {
    if (columnOf(s) === -1) {
      // A run of full-width lines (a title, its authors) forms one band of its own.
      if (!spanning) {
        flush();
        band += 1;
        spanning = true;
      }
      placed.push({ segment: s, column: -1, band });
    } else {
      if (spanning) {
        band += 1;
        spanning = false;
      }
      pending.push(s);
    }
  }
  flush();
  return placed;
}
