import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ImportResult } from '../methods.js';
import { WorkbenchError } from '../../api/errors.js';
import type { CoreContext } from '../../core-context.js';
import { extractInWorkers, readRecordingInWorker } from '../extract-in-workers.js';
import { importFile, type DuplicatePolicy, type ImportedFile, type ImportProgress } from '../import-file.js';
import { importRecording } from '../recording/import-recording.js';
import { isMediaFileName } from '../recording/media-format.js';
import { removeImportedDocument } from '../manage-imported.js';
import type { OcrSetup } from '../ocr/ocr-engine.js';
import { DEFAULT_OCR_LANGUAGES, resolveOcrLanguages } from '../ocr/ocr-languages.js';
import type { ImportContext } from './import-context.js';
import type { ImportJobs } from './import-jobs.js';
import type { Extraction } from '../extract-any.js';
import { textMetadata } from '../metadata/index.js';
import { guessLanguage } from '../language.js';

export interface RunImportRequest {
  filePath: string;
  /** The name the user knows the file by (a dropped file is saved under a temp folder). */
  fileName?: string;
  password?: string;
  onDuplicate?: DuplicatePolicy;
  jobId?: string;
  /** Default true. */
  ocr?: boolean;
  ocrLanguages?: string[];
  /** A recording's transcript, and the name the user knows it by. */
  transcriptPath?: string;
  transcriptFileName?: string;
  /**
   * Text already read by another reader (a source of a REFI-QDA project): its passages are
   * taken as given instead of extracting the file, so offsets into them stay exact.
   */
  prepared?: PreparedDocument;
}

/** A document whose text another reader has already split into passages. */
export interface PreparedDocument {
  title: string;
  /** Passages in reading order; none may hold a blank line or start or end with white space. */
  paragraphs: string[];
  /** The file is the PDF the text represents (kept for the reader), or the text itself. */
  origin: 'imported-pdf' | 'imported-text' | 'imported-transcript';
  /** Its description and memos, kept as the document's note. */
  description?: string;
}

export interface RunImportOptions {
  /** A bundled app passes the URL of its built extraction worker (`worker.js`). */
  workerUrl?: URL;
  /** …and the path of `offline-tesseract-worker.cjs`, the thread OCR runs on. */
  ocrWorkerPath?: string;
}

/** The OCR thread's script beside the sources, or beside the bundle that holds this module. */
export function defaultOcrWorkerPath(): string {
  const sources = import.meta.url.endsWith('.ts');
  return fileURLToPath(new URL(sources ? '../ocr/offline-tesseract-worker.cjs' : './offline-tesseract-worker.cjs', import.meta.url));
}

async function ocrSetup(context: CoreContext, request: RunImportRequest, options: RunImportOptions): Promise<OcrSetup | undefined> {
  if (request.ocr === false) return undefined;
  const languages = await resolveOcrLanguages(request.ocrLanguages ?? DEFAULT_OCR_LANGUAGES, context.workspace.dir);
  return { languages, workerPath: options.ocrWorkerPath ?? defaultOcrWorkerPath() };
}

/**
 * One import from start to library: extraction on worker threads (a 300-page PDF never
 * blocks the core; scans are read by OCR), progress published page by page, then the
 * document recorded in the library, added to the corpus index, and announced so search
 * indexes it. If recording fails, the document's folder goes again: nothing half-imported
 * stays behind.
 */
export function runImport(context: ImportContext, jobs: ImportJobs, request: RunImportRequest, options: RunImportOptions = {}): Promise<ImportResult> {
  const fileName = request.fileName ?? path.basename(request.filePath);
  if (context.workspace.readOnly) {
    return Promise.reject(new WorkbenchError('LOCKED', `“${fileName}” cannot be imported: this workspace is open read-only.`));
  }
  return jobs.run(request.jobId, fileName, async (jobId, signal) => {
    const publish = (progress: ImportProgress) =>
      context.publish('import.progress', { jobId, fileName, stage: progress.stage, page: progress.page ?? 0, total: progress.pageCount ?? 0 });
    if (isMediaFileName(fileName)) return recordingImport(context, jobId, signal, publish, request, fileName, options);
    if (request.transcriptPath !== undefined) {
      throw new WorkbenchError('BAD_REQUEST', `A transcript goes with a recording (.wav, .mp3, .m4a, .ogg, .webm, .mp4), and “${fileName}” is not one. Import the transcript on its own, or give the recording it belongs to.`);
    }
    const ocr = await ocrSetup(context, request, options);
    const outcome = await importFile(context.workspace.dir, request.filePath, {
      ...(request.password === undefined ? {} : { password: request.password }),
      onDuplicate: request.onDuplicate ?? 'ask',
      existingHashes: context.library.knownContentHashes(),
      signal,
      onProgress: publish,
      ...(ocr ? { ocr } : {}),
      extractor: (format, bytes, extractOptions) =>
        request.prepared ? Promise.resolve(preparedExtraction(request.prepared, fileName)) : extractInWorkers(format, bytes, { ...extractOptions, fileName, ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}) }),
    });
    if (outcome.status === 'skipped') return skippedResult(context, jobId, outcome.existingDocumentId);
    await addToLibrary(context, outcome, fileName);
    return {
      jobId,
      status: 'imported',
      documentId: outcome.document.id,
      title: outcome.document.title,
      pages: outcome.pages,
      passages: outcome.passages.length,
      hasTextLayer: outcome.hasTextLayer,
      ocrPages: outcome.ocrPages,
    };
  });
}

function skippedResult(context: ImportContext, jobId: string, docId: string): ImportResult {
  const existing = context.corpus.document(docId);
  const passages = context.corpus.passages(existing.id);
  return {
    jobId,
    status: 'skipped',
    documentId: existing.id,
    title: existing.title,
    pages: existing.pageCount,
    passages: passages.length,
    hasTextLayer: passages.length > 0 || existing.origin !== 'imported-pdf',
    ocrPages: [...new Set(passages.filter((p) => p.ocr).map((p) => p.page))],
    ...(existing.media ? { duration: existing.media.duration } : {}),
  };
}

/** Records an imported document in the library, the corpus and search; or takes its folder out again. */
async function addToLibrary(context: ImportContext, outcome: ImportedFile, fileName: string): Promise<void> {
  try {
    await context.library.add(outcome.document, outcome.contentHash);
  } catch (error) {
    // Without its library entry the document would never show: take the folder back out.
    await removeImportedDocument(context.workspace.dir, outcome.document.id).catch(() => undefined);
    throw new WorkbenchError('IO', `“${fileName}” could not be added to the library (${(error as Error).message}). Check that the workspace folder is writable, then try again.`);
  }
  context.corpus.addDocument(outcome.document, outcome.passages, outcome.footnotes);
  context.bus.emit('library.changed', { docId: outcome.document.id, change: 'added' });
  context.publish('library.changed', { docId: outcome.document.id, change: 'added' });
}

/** A recording, with its transcript if the request names one. */
async function recordingImport(
  context: ImportContext,
  jobId: string,
  signal: AbortSignal,
  publish: (progress: ImportProgress) => void,
  request: RunImportRequest,
  fileName: string,
  options: RunImportOptions,
): Promise<ImportResult> {
  const outcome = await importRecording(context.workspace.dir, request.filePath, {
    fileName,
    ...(request.transcriptPath === undefined ? {} : { transcriptPath: request.transcriptPath, transcriptFileName: request.transcriptFileName ?? path.basename(request.transcriptPath) }),
    onDuplicate: request.onDuplicate ?? 'ask',
    existingHashes: context.library.knownContentHashes(),
    signal,
    onProgress: publish,
    reader: (input, readOptions) => readRecordingInWorker(input, { ...readOptions, ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}) }),
  });
  if (outcome.status === 'skipped') return skippedResult(context, jobId, outcome.existingDocumentId);
  await addToLibrary(context, outcome, fileName);
  return {
    jobId,
    status: 'imported',
    documentId: outcome.document.id,
    title: outcome.document.title,
    pages: outcome.pages,
    passages: outcome.passages.length,
    hasTextLayer: true,
    ocrPages: [],
    ...(outcome.document.media ? { duration: outcome.document.media.duration } : {}),
    ...(outcome.warnings.length > 0 ? { warnings: outcome.warnings } : {}),
  };
}

function preparedExtraction(prepared: PreparedDocument, fileName: string): Extraction {
  const passages = prepared.paragraphs.map((text, order) => ({ kind: 'paragraph' as const, text, page: 1, sectionPath: [], order, footnoteRefs: [] }));
  return {
    origin: prepared.origin,
    kind: prepared.origin === 'imported-transcript' ? 'transcript' : 'other',
    metadata: { ...textMetadata({ title: prepared.title }, undefined, fileName), language: guessLanguage(prepared.paragraphs.slice(0, 200).join(' ')) },
    pageCount: 1,
    hasTextLayer: prepared.paragraphs.length > 0,
    passages,
    footnotes: [],
    unreadablePages: [],
    ocrPages: [],
    ocrLanguages: [],
    textLayers: [],
    ...(prepared.description ? { description: prepared.description } : {}),
  };
}
