import { serveTasks, type TaskHandler } from '../workers/serve-tasks.js';
import type { ImportFormat } from './file-format.js';
import type { OcrSetup } from './ocr/ocr-engine.js';
import { pageWorkerTask } from './pdf/page-worker-task.js';
import type { RecordingTaskInput } from './recording/read-recording.js';
import { warmUp } from './pdf/warm-up.js';

/**
 * The extraction worker's entry: every extractor runs here, off the core's thread and
 * under a heap limit and a time budget (see `workers/limited-worker.ts`). `extract` reads
 * one whole file; `pdf-pages` is one of the workers sharing a PDF's pages; `pdf-warm` gets a
 * PDF worker ready before an import needs it (`warmPdfWorkers`); `recording` reads a
 * recording's headers and parses its transcript.
 */
export interface ExtractTaskInput {
  format: ImportFormat;
  bytes: Uint8Array;
  fileName: string;
  password?: string;
  ocr?: OcrSetup;
}

export interface ExtractProgress {
  page: number;
  total: number;
  /** OCR of this page starts. */
  recognising: boolean;
}

// Whole-file extractors (Word, photos, text) load when asked: a PDF page worker needs none
// of their packages (pdfkit, jszip, yaml, the image readers), which took 0.3 s of every start.
const extract: TaskHandler = (async (input: ExtractTaskInput, context) => {
  const { extractInProcess } = await import('./extract-any.js');
  return extractInProcess(input.format, input.bytes, {
    fileName: input.fileName,
    ...(input.password === undefined ? {} : { password: input.password }),
    ...(input.ocr ? { ocr: input.ocr } : {}),
    onPage: (page, total, recognising) => context.progress({ page, total, recognising: recognising ?? false } as never),
  });
}) as TaskHandler;

// A recording's readers (music-metadata, media-captions) load with the first recording, for the same reason.
const recording: TaskHandler = (async (input: RecordingTaskInput) => {
  const { readRecording } = await import('./recording/read-recording.js');
  return readRecording(input);
}) as TaskHandler;

serveTasks({ extract, 'pdf-pages': pageWorkerTask as TaskHandler, 'pdf-warm': warmUp as TaskHandler, recording });
