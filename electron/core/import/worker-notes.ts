import type { PageSegments } from './pdf/page-furniture.js';
import type { OcrTextLayerPage } from './ocr/ocr-types.js';

/** Notes between `extractPdfInWorkers` and the PDF page workers (see worker.ts). */
export type ToPageWorker =
  | { type: 'pages'; numbers: number[] }
  /** To the lead, as soon as a helper has read them: pages it will build the document from. */
  | { type: 'others'; read: PagesReadNote }
  /** No pages left. The lead builds the document from its pages and the helpers'. */
  | { type: 'finish' };

export type FromPageWorker = { type: 'opened'; pageCount: number } | { type: 'read'; read: PagesReadNote };

/** `PagesRead` as it crosses threads: the last error reduced to what identifies it. */
export interface PagesReadNote {
  pages: PageSegments[];
  unreadable: number[];
  lastError?: { name: string; message: string; code?: number };
  textLayers: OcrTextLayerPage[];
  /** Words of these pages' lines outside the margins that the worker had not sent before (see `BodyVocabulary`). */
  words: string[];
}

/** A page was read, or (`recognising`) OCR of a page starts. */
export interface PageProgress {
  recognising: boolean;
}
