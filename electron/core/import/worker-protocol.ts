import type { SerializedError } from '../api/errors.js';
import type { PdfExtraction } from './types.js';

/** Messages between `runExtractionInWorker` and `worker.ts`. */
export interface ExtractRequest {
  type: 'extract';
  bytes: Uint8Array;
  fileName: string;
  password?: string;
}

export interface CancelRequest {
  type: 'cancel';
}

export type ToWorker = ExtractRequest | CancelRequest;

export type FromWorker =
  | { type: 'progress'; page: number; total: number }
  | { type: 'done'; extraction: PdfExtraction }
  | { type: 'failed'; error: SerializedError };
