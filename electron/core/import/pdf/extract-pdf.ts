import type { ExtractPdfOptions, ExtractedMetadata, PdfExtraction } from '../types.js';
import { cancelledError, throwIfCancelled, yieldToEventLoop } from '../cancellation.js';
import { assemblePassages, type ReadyPage } from './assemble-passages.js';
import { splitFootnoteZone } from './footnote-zone.js';
import { collectVocabulary } from './join-lines.js';
import { buildLineSegments } from './line-segments.js';
import { readFirstPage, type PdfInfo } from './metadata.js';
import { pdfMetadata } from '../metadata/pdf-metadata.js';
import { openPdf, translatePdfError } from './open-pdf.js';
import { findPageFurniture, type PageSegments } from './page-furniture.js';
import { orderPage } from './reading-order.js';
import { readPageRuns } from './text-runs.js';
import { learnBodyStyle } from './text-style.js';
import { guessLanguage } from '../language.js';

/**
 * Extracts a PDF's text as structured passages. Pure async, no worker of its own: it
 * yields to the event loop after every page, so progress and cancel requests get through
 * even on the calling thread; `runExtractionInWorker` moves it off that thread.
 */
export async function extractPdf(bytes: Uint8Array, options: ExtractPdfOptions): Promise<PdfExtraction> {
  const { fileName, signal } = options;
  throwIfCancelled(signal, fileName);
  const { doc, task } = await openPdf(bytes, fileName, options.password);
  const onAbort = () => void task.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const pages: PageSegments[] = [];
    const unreadablePages: number[] = [];
    let lastError: unknown;
    for (let n = 1; n <= doc.numPages; n++) {
      throwIfCancelled(signal, fileName);
      try {
        const page = await doc.getPage(n);
        const runs = await readPageRuns(page);
        page.cleanup();
        pages.push({ page: n, width: runs.width, height: runs.height, segments: buildLineSegments(n, runs.runs) });
      } catch (error) {
        if (signal?.aborted) throw error;
        // One damaged page should not cost the rest of the document.
        unreadablePages.push(n);
        lastError = error;
      }
      options.onProgress?.(n, doc.numPages);
      await yieldToEventLoop();
    }
    if (pages.length === 0 && unreadablePages.length > 0) throw lastError;
    throwIfCancelled(signal, fileName);
    const meta = await doc.getMetadata().catch(() => undefined);
    const info = (meta?.info ?? {}) as PdfInfo;
    const xmp = Object.fromEntries(meta?.metadata ? [...meta.metadata] : []) as Record<string, string | string[]>;
    return { ...structure(pages, { info, xmp }, fileName, doc.numPages), unreadablePages };
  } catch (error) {
    if (signal?.aborted) throw cancelledError(fileName);
    throw translatePdfError(error, fileName, options.password);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await task.destroy().catch(() => undefined);
  }
}

function structure(pages: PageSegments[], fileMeta: { info: PdfInfo; xmp: Record<string, string | string[]> }, fileName: string, pageCount: number): Omit<PdfExtraction, 'unreadablePages'> {
  const hasTextLayer = pages.some((p) => p.segments.some((s) => /[\p{L}\p{N}]/u.test(s.text)));
  // Copyright lines, ISBNs and DOIs sit on the first pages, often in what furniture removal drops.
  const firstPages = pages.slice(0, 2).map((p) => ({ page: p.page, lines: p.segments.map((s) => s.text) }));
  if (!hasTextLayer) {
    return {
      metadata: { ...pdfMetadata({ fileName, ...fileMeta, firstPage: { authors: [], page: 1 }, pages: [] }), language: 'en' },
      pageCount,
      hasTextLayer,
      passages: [],
      footnotes: [],
    };
  }
  const furniture = findPageFurniture(pages);
  const clean = pages.map((p) => ({ ...p, segments: p.segments.filter((s) => !furniture.has(s)) }));
  const body = learnBodyStyle(clean.flatMap((p) => p.segments));
  const vocabulary = collectVocabulary(clean.flatMap((p) => p.segments.map((s) => s.text)));
  const ready: ReadyPage[] = clean.map((p) => {
    const split = splitFootnoteZone(orderPage(p.segments, p.height, body), body.size, p.height);
    return { page: p.page, ...split };
  });

  const firstPage = ready[0];
  const fromPage = firstPage
    ? readFirstPage(firstPage.body.map((b) => b.segment), clean[0]!.height, body.size)
    : { titleLines: [], authors: [], authorLines: [] };
  const described = pdfMetadata({ fileName, ...fileMeta, firstPage: { ...fromPage, page: firstPage?.page ?? 1 }, pages: firstPages });
  const title = described.title;
  const { passages, footnotes } = assemblePassages(ready, {
    body,
    vocabulary,
    title,
    titleLines: new Set(fromPage.titleLines),
    authorLines: new Set(fromPage.authorLines),
  });
  const metadata: ExtractedMetadata = { ...described, language: guessLanguage(passages.map((p) => p.text).join(' ')) };
  return { metadata, pageCount, hasTextLayer, passages, footnotes };
}

