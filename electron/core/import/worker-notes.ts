import type { PageSegments } from './pdf/page-furniture.js';
import type { OcrTextLayerPage } from './ocr/ocr-types.js';

/** Notes between `extractPdfInWorkers` and the PDF page workers (see worker.ts). */
export type ToPageWorker =
  | { type: 'pages'; numbers: number[] }
  /** No pages left. The lead gets what the helpers read and builds the document. */
  | { type: 'finish'; others: PagesReadNote[] };

export type FromPageWorker = { type: 'opened'; pageCount: number } | { type: 'read'; read: PagesReadNote };

/** `PagesRead` as it crosses threads: the last error reduced to what identifies it. */
export interface PagesReadNote {
  pages: PageSegments[];
  unreadable: number[];
  lastError?: { name: string; message: string; code?: number };
  textLayers: OcrTextLayerPage[];
}

/** A page was read, or (`recognising`) OCR of a page starts. */
export interface PageProgress {
  recognising: boolean;
}
