import type { ExtractPdfOptions, PdfExtraction } from '../types.js';
import { cancelledError, throwIfCancelled } from '../cancellation.js';
import { LazyOcr } from '../ocr/lazy-ocr.js';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { PdfFileMetadata } from './structure-pdf.js';
import type { PdfInfo } from './metadata.js';
import { openPdf, translatePdfError } from './open-pdf.js';
import { readPdfPages } from './read-pages.js';
import { structurePdf } from './structure-pdf.js';

/**
 * Extracts a PDF's text as structured passages on the calling thread, recognising pages
 * without text by OCR when `options.ocr` is given. It yields to the event loop after every
 * page, so progress and cancel requests get through; imports run it spread over worker
 * threads instead (`extractPdfInWorkers`).
 */
export async function extractPdf(bytes: Uint8Array, options: ExtractPdfOptions): Promise<PdfExtraction> {
  const { fileName, signal } = options;
  throwIfCancelled(signal, fileName);
  const { doc, task } = await openPdf(bytes, fileName, options.password);
  const onAbort = () => void task.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  const ocr = options.ocr ? new LazyOcr(options.ocr) : undefined;
  try {
    const numbers = Array.from({ length: doc.numPages }, (_, i) => i + 1);
    const read = await readPdfPages(doc, numbers, {
      fileName,
      ...(signal ? { signal } : {}),
      ...(ocr ? { ocr } : {}),
      onPage: (page) => options.onProgress?.(page, doc.numPages),
      onRecognising: (page) => options.onProgress?.(page, doc.numPages, true),
    });
    if (read.pages.length === 0 && read.unreadable.length > 0) throw read.lastError;
    throwIfCancelled(signal, fileName);
    return finishExtraction(structurePdf(read.pages, await readFileMetadata(doc), fileName, doc.numPages), read, ocr);
  } catch (error) {
    if (signal?.aborted) throw cancelledError(fileName);
    throw translatePdfError(error, fileName, options.password);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await ocr?.close();
    await task.destroy().catch(() => undefined);
  }
}

/** The info dictionary and the XMP metadata, for import/metadata. */
export async function readFileMetadata(doc: PDFDocumentProxy): Promise<PdfFileMetadata> {
  const meta = await doc.getMetadata().catch(() => undefined);
  const info = (meta?.info ?? {}) as PdfInfo;
  const xmp = Object.fromEntries(meta?.metadata ? [...meta.metadata] : []) as Record<string, string | string[]>;
  return { info, xmp };
}

/** The structure plus what the reading recorded: damaged pages, OCR'd pages and their word boxes. */
export function finishExtraction(
  structure: ReturnType<typeof structurePdf>,
  read: { unreadable: number[]; textLayers: PdfExtraction['textLayers'] },
  ocr: { languages: string[] } | undefined,
): PdfExtraction {
  const ocrPages = read.textLayers.map((layer) => layer.page).sort((a, b) => a - b);
  return {
    ...structure,
    unreadablePages: [...read.unreadable].sort((a, b) => a - b),
    ocrPages,
    ocrLanguages: ocrPages.length > 0 && ocr ? ocr.languages : [],
    textLayers: [...read.textLayers].sort((a, b) => a.page - b.page),
  };
}
