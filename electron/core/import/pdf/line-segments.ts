import type { TextRun } from './text-runs.js';

/** A raised, smaller run inside a line: a footnote marker or an exponent. */
export interface Superscript {
  /** Offset in the segment text where the raised text starts. */
  offset: number;
  text: string;
}

/**
 * A stretch of one text line: runs on the same baseline with no wide gap between them.
 * A wide gap (a column gutter, a table cell boundary) ends a segment, so the left and
 * right columns of a two-column page never merge into one line.
 */
export interface LineSegment {
  page: number;
  text: string;
  x0: number;
  x1: number;
  /** Baseline of the segment's main text. */
  y: number;
  top: number;
  bottom: number;
  /** Size of most of its characters. */
  size: number;
  /** Font of most of its characters. */
  font: string;
  /** Every font used, to tell a line set wholly in a heading font from body text. */
  fonts: Set<string>;
  superscripts: Superscript[];
  rtl: boolean;
  /** Lines read by OCR: tesseract's mean word confidence (0-100) and its paragraph on the page. */
  ocr?: { confidence: number; paragraph: number };
}

/** A gap wider than this many font sizes splits a line into segments. */
const SEGMENT_GAP_EM = 1.5;
/** Two runs belong to one line when their vertical extents overlap by this share. */
const SAME_LINE_OVERLAP = 0.5;
const SCRIPT_OVERLAP = 0.25;

interface LineCluster {
  runs: TextRun[];
  top: number;
  bottom: number;
}

const runTop = (r: TextRun) => r.y - r.size * 0.8;
const runBottom = (r: TextRun) => r.y + r.size * 0.2;

export function buildLineSegments(page: number, runs: TextRun[]): LineSegment[] {
  const sorted = [...runs].sort((p, q) => p.y - q.y || p.x - q.x);
  const clusters: LineCluster[] = [];
  for (const run of sorted) {
    const top = runTop(run);
    const bottom = runBottom(run);
    // Only the last few clusters can still overlap: runs arrive sorted by baseline.
    let home: LineCluster | undefined;
    for (let i = clusters.length - 1; i >= Math.max(0, clusters.length - 6); i--) {
      const cluster = clusters[i]!;
      // Extents are the first run's, never grown: a line of the other column at a slightly
      // different height must not stretch a cluster until it swallows the next line.
      const overlap = Math.min(bottom, cluster.bottom) - Math.max(top, cluster.top);
      const smaller = Math.min(bottom - top, cluster.bottom - cluster.top);
      // Superscripts and subscripts stick out of their line: a much smaller run needs less overlap.
      const sizeRatio = Math.min(run.size, cluster.runs[0]!.size) / Math.max(run.size, cluster.runs[0]!.size);
      const needed = sizeRatio < 0.85 ? SCRIPT_OVERLAP : SAME_LINE_OVERLAP;
      if (overlap > smaller * needed && !stacksOnAnyRun(cluster, run)) {
        home = cluster;
        break;
      }
    }
    if (home) {
      home.runs.push(run);
    } else {
      clusters.push({ runs: [run], top, bottom });
    }
  }
  return clusters.flatMap((cluster) => splitIntoSegments(page, cluster.runs)).filter((segment) => segment.text.trim() !== '');
}

/** Two runs at the same x but different baselines are two lines, however close. */
function stacksOnAnyRun(cluster: LineCluster, run: TextRun): boolean {
  return cluster.runs.some((other) => {
    const xOverlap = Math.min(run.x + run.width, other.x + other.width) - Math.max(run.x, other.x);
    return xOverlap > Math.min(run.width, other.width) * 0.5 && Math.abs(run.y - other.y) > Math.min(run.size, other.size) * 0.5;
  });
}

function splitIntoSegments(page: number, runs: TextRun[]): LineSegment[] {
  const byX = [...runs].sort((p, q) => p.x - q.x);
  const groups: TextRun[][] = [];
  let current: TextRun[] = [];
  let currentRight = -Infinity;
  for (const run of byX) {
    const gap = run.x - currentRight;
    if (current.length > 0 && gap > SEGMENT_GAP_EM * Math.max(run.size, current[0]!.size)) {
      groups.push(current);
      current = [];
    }
    current.push(run);
    // A space set as text of its own marks a word break, but never bridges a wide gap
    // (a gutter, a table cell boundary): only ink moves the line's right edge.
    if (run.text.trim() !== '') currentRight = Math.max(currentRight, run.x + run.width);
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => assembleSegment(page, group));
}

function dominant<K>(runs: TextRun[], key: (r: TextRun) => K): K {
  const weights = new Map<K, number>();
  for (const run of runs) weights.set(key(run), (weights.get(key(run)) ?? 0) + run.text.length);
  let best = key(runs[0]!);
  let bestWeight = -1;
  for (const [k, w] of weights) if (w > bestWeight) [best, bestWeight] = [k, w];
  return best;
}

function assembleSegment(page: number, runs: TextRun[]): LineSegment {
  const size = dominant(runs, (r) => Math.round(r.size * 10) / 10);
  const font = dominant(runs, (r) => r.font);
  const main = runs.filter((r) => Math.abs(r.size - size) < 0.6);
  const baseline = main.length > 0 ? median(main.map((r) => r.y)) : runs[0]!.y;
  const rtlChars = runs.filter((r) => r.rtl).reduce((n, r) => n + r.text.length, 0);
  const totalChars = runs.reduce((n, r) => n + r.text.length, 0);
  const rtl = rtlChars > totalChars / 2;
  // Right-to-left lines are read from the right edge: pdf.js gives each run in logical
  // order already, but places the runs left to right on the page.
  const ordered = rtl ? [...runs].reverse() : runs;

  let text = '';
  const superscripts: Superscript[] = [];
  let previous: TextRun | undefined;
  for (const run of ordered) {
    if (previous && needsSpace(previous, run, rtl, text)) text += ' ';
    const raised = run.size < size * 0.85 && baseline - run.y > size * 0.2;
    // A raised space (after a footnote marker) says nothing; the gap around it decides.
    if (raised && run.text.trim() === '') continue;
    // Whitespace is collapsed as we go so that superscript offsets stay true.
    let piece = raised ? run.text.trim() : run.text.replace(/\s+/g, ' ');
    if (text === '' || text.endsWith(' ')) piece = piece.replace(/^ /, '');
    if (raised) superscripts.push({ offset: text.length, text: piece });
    text += piece;
    previous = run;
  }
  return {
    page,
    text: composeSpacingAccents(text.trimEnd()),
    x0: Math.min(...runs.map((r) => r.x)),
    x1: Math.max(...runs.map((r) => r.x + r.width)),
    y: baseline,
    top: Math.min(...runs.map((r) => r.y - r.size * 0.8)),
    bottom: Math.max(...runs.map((r) => r.y + r.size * 0.2)),
    size,
    font,
    fonts: new Set(runs.map((r) => r.font)),
    superscripts,
    rtl,
  };
}

function needsSpace(previous: TextRun, next: TextRun, rtl: boolean, textSoFar: string): boolean {
  if (/\s$/.test(textSoFar) || /^\s/.test(next.text)) return false;
  const gap = rtl ? previous.x - (next.x + next.width) : next.x - (previous.x + previous.width);
  return gap > Math.min(previous.size, next.size) * 0.15;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// TeX-made PDFs often set an accent as its own glyph before the letter ("na¨ıve"), and
// over a dotless i. Put the accent back on its letter so the word reads and searches right.
const SPACING_ACCENTS: Record<string, string> = {
  '\u00A8': '\u0308',
  '\u00B4': '\u0301',
  '\u0060': '\u0300',
  '\u02C6': '\u0302',
  '\u02DC': '\u0303',
  '\u02C7': '\u030C',
  '\u00B8': '\u0327',
};
const ACCENT_BEFORE_LETTER = /([\u00A8\u00B4\u0060\u02C6\u02DC\u02C7\u00B8])([A-Za-z\u0131\u0237])/g;

export function composeSpacingAccents(text: string): string {
  if (!ACCENT_BEFORE_LETTER.test(text)) return text;
  return text
    .replace(ACCENT_BEFORE_LETTER, (_m, accent: string, letter: string) => {
      const base = letter === '\u0131' ? 'i' : letter === '\u0237' ? 'j' : letter;
      return base + SPACING_ACCENTS[accent]!;
    })
    .normalize('NFC');
}
