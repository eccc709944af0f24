import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { throwIfCancelled, yieldToEventLoop } from '../cancellation.js';
import type { LazyOcr } from '../ocr/lazy-ocr.js';
import { ocrSegments } from '../ocr/ocr-segments.js';
import { textLayerOf, type OcrTextLayerPage } from '../ocr/ocr-types.js';
import { buildLineSegments } from './line-segments.js';
import type { PageSegments } from './page-furniture.js';
import { loadPdfJs } from './pdfjs.js';
import { readPageRuns } from './text-runs.js';

/** What reading some pages of a PDF gave. */
export interface PagesRead {
  pages: PageSegments[];
  unreadable: number[];
  /** The error of the last unreadable page, raised if no page could be read at all. */
  lastError?: unknown;
  textLayers: OcrTextLayerPage[];
}

export interface ReadPagesOptions {
  fileName: string;
  signal?: AbortSignal;
  /** Pages without a text layer are recognised with this; without it they stay empty. */
  ocr?: LazyOcr;
  /** A page was read. */
  onPage?(page: number): void;
  /** OCR of a page starts (it takes seconds). */
  onRecognising?(page: number): void;
}

/** A page with fewer letters than this in its text layer is a scan (a stamped page number does not count as text). */
const MIN_TEXT_LAYER_LETTERS = 20;

/**
 * Reads the given pages: their text runs as line segments, or, for pages that paint an image
 * but carry (almost) no text, the words OCR recognises in the drawn page. A damaged page is
 * recorded and skipped, so one bad page does not cost the document.
 */
export async function readPdfPages(doc: PDFDocumentProxy, pageNumbers: readonly number[], options: ReadPagesOptions): Promise<PagesRead> {
  const { signal, fileName } = options;
  const result: PagesRead = { pages: [], unreadable: [], textLayers: [] };
  for (const n of pageNumbers) {
    throwIfCancelled(signal, fileName);
    try {
      const page = await doc.getPage(n);
      const runs = await readPageRuns(page);
      let segments = buildLineSegments(n, runs.runs);
      if (options.ocr && letters(segments) < MIN_TEXT_LAYER_LETTERS && (await paintsImages(page, await imageOperators()))) {
        options.onRecognising?.(n);
        // The canvas and image readers load with the first scanned page, not with every worker.
        const { renderPdfPage } = await import('../ocr/page-images.js');
        const text = await options.ocr.recognize(await renderPdfPage(page));
        if (text.paragraphs.length > 0) {
          // Whatever little text the page had (a stamped number) is in the picture too.
          segments = ocrSegments(text);
          result.textLayers.push(textLayerOf(text));
        }
      }
      page.cleanup();
      result.pages.push({ page: n, width: runs.width, height: runs.height, segments });
    } catch (error) {
      if (signal?.aborted) throw error;
      result.unreadable.push(n);
      result.lastError = error;
    }
    options.onPage?.(n);
    await yieldToEventLoop();
  }
  return result;
}

/** Does the page paint any image? A page without text or images has nothing to read. */
async function paintsImages(page: PDFPageProxy, imageOps: ReadonlySet<number>): Promise<boolean> {
  const operators = await page.getOperatorList();
  return operators.fnArray.some((fn) => imageOps.has(fn));
}

function letters(segments: { text: string }[]): number {
  let count = 0;
  for (const s of segments) count += (s.text.match(/[\p{L}\p{N}]/gu) ?? []).length;
  return count;
}

let imageOps: Promise<Set<number>> | undefined;

/** pdf.js operator codes that paint an image. */
function imageOperators(): Promise<Set<number>> {
  imageOps ??= loadPdfJs().then(({ OPS }) => new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObject, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat].filter((op) => typeof op === 'number')));
  return imageOps;
}
