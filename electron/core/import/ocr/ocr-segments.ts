import type { LineSegment } from '../pdf/line-segments.js';
import { median } from '../pdf/line-segments.js';
import type { OcrLine, OcrPageText } from './ocr-types.js';

/** Font name of OCR'd lines until the document's body font is known. */
export const OCR_FONT = 'ocr';

/** Lines of one paragraph differ in height by less than this share; a title over its authors, or a heading over its text, more. */
const SAME_TYPE = 0.2;

/**
 * An OCR'd page as the line segments the PDF pipeline reads, so scanned pages get the same
 * furniture removal, headings, footnotes and hyphen repair as pages with text. A line's
 * "size" is its height, evened out over runs of lines of about the same height: single
 * lines vary with their ascenders and descenders. tesseract's paragraphs are kept, but split
 * where the type changes (it puts a heading and the text below it in one paragraph).
 */
export function ocrSegments(page: OcrPageText): LineSegment[] {
  const segments: LineSegment[] = [];
  let paragraph = 0;
  for (const lines of page.paragraphs) {
    for (const run of runsOfSameHeight(lines)) {
      const size = median(run.map((line) => line.rowHeight));
      for (const line of run) segments.push(segmentOf(page.page, line, size, paragraph));
      paragraph += 1;
    }
  }
  return segments;
}

function runsOfSameHeight(lines: OcrLine[]): OcrLine[][] {
  const runs: OcrLine[][] = [];
  for (const line of lines) {
    const current = runs.at(-1);
    const height = line.rowHeight;
    const typical = current ? median(current.map((l) => l.rowHeight)) : height;
    if (current && Math.abs(height - typical) <= typical * SAME_TYPE) current.push(line);
    else runs.push([line]);
  }
  return runs;
}

function segmentOf(page: number, line: OcrLine, size: number, paragraph: number): LineSegment {
  const characters = line.words.reduce((n, w) => n + w.text.length, 0);
  const confidence = line.words.reduce((sum, w) => sum + w.confidence * w.text.length, 0) / Math.max(1, characters);
  return {
    page,
    text: line.words.map((w) => w.text).join(' '),
    x0: line.x0,
    x1: line.x1,
    y: line.baseline,
    top: line.y0,
    bottom: line.y1,
    size,
    font: OCR_FONT,
    fonts: new Set([OCR_FONT]),
    superscripts: [],
    rtl: false,
    ocr: { confidence, paragraph },
  };
}

/**
 * OCR line heights measured in points, rescaled to the type sizes of the document's text
 * pages: the body's lines get exactly the body size and font, so a scanned page among text
 * pages reads as body text, and only markedly larger lines become headings.
 */
export function fitOcrSizes(segments: LineSegment[], body: { size: number; font: string }): void {
  const ocrLines = segments.filter((s) => s.ocr);
  if (ocrLines.length === 0) return;
  const ocrBody = weightedMode(ocrLines);
  const factor = body.size / ocrBody;
  for (const s of ocrLines) {
    const scaled = s.size * factor;
    s.size = Math.abs(scaled - body.size) <= body.size * 0.15 ? body.size : Math.round(scaled * 10) / 10;
    s.font = body.font;
    s.fonts = new Set([body.font]);
  }
}

/** The line height that carries most characters, within 10% buckets. */
function weightedMode(lines: LineSegment[]): number {
  const buckets = new Map<number, { weight: number; sizes: number[] }>();
  for (const line of lines) {
    const key = Math.round(Math.log(Math.max(1, line.size)) / Math.log(1.1));
    const bucket = buckets.get(key) ?? { weight: 0, sizes: [] };
    bucket.weight += line.text.length;
    bucket.sizes.push(line.size);
    buckets.set(key, bucket);
  }
  const best = [...buckets.values()].sort((a, b) => b.weight - a.weight)[0]!;
  return median(best.sizes);
}
