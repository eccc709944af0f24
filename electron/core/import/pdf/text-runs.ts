import type { PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { loadPdfJs } from './pdfjs.js';

/**
 * One piece of text as pdf.js placed it, in top-down page coordinates (points, origin at
 * the top-left of the visible page, y growing downwards, rotation already applied).
 */
export interface TextRun {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  /** pdf.js's per-document font id: tells fonts apart, though not their weight. */
  font: string;
  rtl: boolean;
}

export interface PageRuns {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
}

// Ligatures (ﬁ, ﬂ) and Arabic presentation forms (the shaped glyph codes many PDFs carry)
// fold to their letters, so that imported text is searchable and comparable with typed
// text. pdf.js would do it, but before it reverses right-to-left runs into reading order,
// which turns an Arabic ligature's two letters around ("الخطوط" came out "اخلطوط"); so its
// normalisation is off and the folding happens here, on text already in reading order.
const COMPATIBILITY_FORMS = /[\u00A0\u2000-\u200A\u202F\uFB00-\uFDFF\uFE70-\uFEFF]+/g;

export function normaliseRunText(text: string): string {
  const folded = text.replace(COMPATIBILITY_FORMS, (forms) => forms.normalize('NFKC'));
  // Soft hyphens and zero-width characters only confuse search and hyphen repair.
  return folded.replace(/[\u00AD\u200B\uFEFF]/g, '');
}

export async function readPageRuns(page: PDFPageProxy): Promise<PageRuns> {
  const pdfjs = await loadPdfJs();
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent({ disableNormalization: true });
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const run = toRun(item, viewport.transform, pdfjs.Util.transform);
    if (run) runs.push(run);
  }
  return { page: page.pageNumber, width: viewport.width, height: viewport.height, runs };
}

function toRun(
  item: TextItem,
  viewportTransform: number[],
  multiply: (a: number[], b: number[]) => number[],
): TextRun | undefined {
  const text = normaliseRunText(item.str);
  // A space the PDF sets as text of its own is kept: tightly set words (Arabic, justified
  // lines) have gaps too narrow to tell a word break from kerning.
  if (text === '' || (text.trim() === '' && !/ /.test(text))) return undefined;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = multiply(viewportTransform, item.transform);
  // Rotated text (axis labels, margin stamps) is not part of the reading flow.
  if (Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1) return undefined;
  const size = Math.abs(d) || Math.abs(a);
  if (size < 1) return undefined;
  return { text, x: e, y: f, width: item.width, size, font: documentFontName(item.fontName), rtl: item.dir === 'rtl' };
}

/**
 * A font's name in its document. pdf.js prefixes it with the document's number in this
 * thread ("g_d3_r12_0"), and a kept worker has opened other documents before, so two
 * workers reading one PDF would name the same font differently; the rest ("r12_0", its
 * object number, see `STABLE_FONT_NAME` in pdfjs.ts) is the same in every worker.
 */
export function documentFontName(name: string): string {
  return name.replace(/^g_d\d+_/, '');
}
