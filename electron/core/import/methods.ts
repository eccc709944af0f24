import { z } from 'zod';
import { method } from '../api/method';
import type { DocumentSummary } from '../api/methods/corpus';
import type { ReferenceImportSummary } from '../references/methods';

/** The largest file a drop or a file input may send as bytes (base64 over IPC). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** base64 turns every 3 bytes into 4 characters. */
const MAX_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

const duplicatePolicies = ['ask', 'import-again', 'skip'] as const;

/** Chosen by the caller so it can cancel an import that is still running. */
const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A job id is 1 to 64 letters, digits, “-” or “_”');

const importedDocId = z.string().regex(/^imp-[a-z0-9]+(?:-[0-9]+)?$/, 'Not the id of an imported document (they start with “imp-”)');

/** tesseract's language codes: eng, fra, sqi, srp_latn… */
const ocrLanguage = z.string().regex(/^[a-z]{3}(?:_[a-z]{2,8})?$/, 'An OCR language is a code such as “eng”, “sqi” or “srp_latn”');

const commonImportOptions = {
  password: z.string().max(1024).optional(),
  onDuplicate: z.enum(duplicatePolicies).optional(),
  jobId: jobId.optional(),
  /** Read pages without a text layer (scans) and photos by OCR. Default true. */
  ocr: z.boolean().optional(),
  /** The languages OCR reads, default English; see `import.ocrLanguages`. */
  ocrLanguages: z.array(ocrLanguage).min(1).max(5).optional(),
};

/** A file name as the user's system gave it: no folders, nothing that could escape a temp folder. */
const bareFileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[\\/\0]/.test(name) && name !== '.' && name !== '..', 'the file name must not contain folders');

export interface ImportResult {
  jobId: string;
  /** 'skipped' when the same file was already imported and the caller chose to skip it. */
  status: 'imported' | 'skipped';
  documentId: string;
  title: string;
  pages: number;
  passages: number;
  /** False for a PDF without text that OCR could not read either. */
  hasTextLayer: boolean;
  /** Pages whose text was recognised by OCR. */
  ocrPages: number[];
  /** A recording: its length in seconds, read from the file. */
  duration?: number;
  /** What was odd but kept (overlapping cues, a last cue past the end…), in words for the user. */
  warnings?: string[];
  /**
   * A REFI-QDA project or codebook (`.qdpx`, `.qdc`), or a file of W3C or Hypothesis
   * annotations (`.jsonld`, `.json`): what came in and what was left out.
   * `documentId` is then its first document (or empty), `title` the project's name.
   */
  project?: ProjectImportSummary;
  /** A reference file (`.bib`, `.ris`, CSL-JSON): how many references were added, merged, skipped, and why. */
  references?: ReferenceImportSummary;
}

/** What a REFI-QDA import brought in, in counts, and in words. */
export interface ProjectImportSummary {
  format: 'qdpx' | 'qdc' | 'w3c' | 'hypothesis';
  documents: string[];
  topicsCreated: number;
  topicsMerged: number;
  annotations: number;
  notes: number;
  authors: string[];
  /** "kept: 3 sources, 12 codes, …" */
  kept: string[];
  /** "skipped: 2 cases, 1 variable, …" — never dropped silently. */
  skipped: string[];
  /** Annotations (W3C, Hypothesis) whose quote was found in no document here, named by title and quote. */
  notAnchored?: string[];
  summary: string;
}

export interface OcrLanguageInfo {
  code: string;
  name: string;
  /** Shipped with the app, or a model file in the workspace's `ocr-languages/` folder. */
  source: 'bundled' | 'workspace';
}

/** The recognised words of one OCR'd page, in points from the page's top-left corner. */
export interface OcrTextLayer {
  page: number;
  width: number;
  height: number;
  words: Array<{ text: string; x: number; y: number; width: number; height: number }>;
}

export interface RemoveResult {
  docId: string;
  annotationsDeleted: number;
  annotationsKeptAsOrphans: number;
}

/** A file sent as bytes: its name as the user's system gave it, and its content in base64. */
const fileBytes = (what: string) =>
  z
    .object({
      fileName: bareFileName,
      base64: z
        .string()
        .min(1, `${what} is empty: there is nothing in it to bring in`)
        .max(MAX_BASE64_CHARS, `${what} is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB that can be imported by drag and drop; use the Import button instead`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file content must be base64'),
    })
    .strict();

const filePath = z.string().min(1).max(4096);

export const importMethods = {
  /**
   * Imports a file from the user's disk (a path from the file dialog or the CLI). A recording
   * (.wav, .mp3, .m4a, .ogg, .webm, .mp4) may come with its transcript (.vtt, .srt, .txt, .md, .docx).
   */
  'import.file': method<ImportResult>()(
    z.object({ path: filePath, transcript: filePath.optional(), ...commonImportOptions }).strict(),
  ),
  /**
   * Gives a recording imported without a transcript its transcript (a path the user chose).
   * Refused when the recording already has one: its passages may carry annotations.
   */
  'import.addTranscript': method<ImportResult>()(z.object({ docId: importedDocId, path: filePath }).strict()),
  /**
   * Imports a file sent as bytes: the sandboxed renderer cannot learn a dropped file's path,
   * so drag and drop and the browser's file input send the content itself.
   */
  'import.bytes': method<ImportResult>()(
    fileBytes('the file').extend({ transcript: fileBytes('the transcript').optional(), ...commonImportOptions }).strict(),
  ),
  /** `import.addTranscript` for a transcript sent as bytes (dropped, or from the browser's file input). */
  'import.addTranscriptBytes': method<ImportResult>()(fileBytes('the transcript').extend({ docId: importedDocId }).strict()),
  /** Stops a running import; nothing of it stays in the workspace. */
  'import.cancel': method<{ cancelled: boolean }>()(z.object({ jobId }).strict()),
  /** Edits what the extraction guessed about an imported document. */
  'import.updateMetadata': method<DocumentSummary>()(
    z
      .object({
        docId: importedDocId,
        title: z.string().trim().min(1, 'the title cannot be empty').max(500).optional(),
        authors: z.array(z.string().trim().min(1, 'an author name cannot be empty').max(300)).max(200).optional(),
        year: z.number().int().min(1000).max(2200).nullable().optional(),
        publisher: z.string().trim().max(300).nullable().optional(),
      })
      .strict(),
  ),
  /** Removes an imported document; its annotations are deleted or kept as orphans, as the user chose. */
  'import.remove': method<RemoveResult>()(
    z.object({ docId: importedDocId, annotations: z.enum(['delete', 'keep-as-orphans']) }).strict(),
  ),
  /** The languages OCR can read in this workspace, and where to add more. */
  'import.ocrLanguages': method<{ languages: OcrLanguageInfo[]; folder: string }>()(z.object({}).strict()),
  /** The OCR'd words of one page of an imported document (null when the page has a text layer of its own). */
  'import.ocrTextLayer': method<OcrTextLayer | null>()(z.object({ docId: importedDocId, page: z.number().int().positive().max(100_000) }).strict()),
  /**
   * An import is about to start (the file dialog opens, a file is dragged over the window):
   * PDF workers get ready meanwhile, so the first file of a session reads as fast as the
   * next. Answers at once with how many workers it started; nothing is written.
   */
  'import.prepare': method<{ warming: number }>()(z.object({}).strict()),
  /**
   * The system's file dialog. Implemented by the Electron shell only (core opens no
   * windows); an empty list means the user cancelled.
   */
  'import.pickFiles': method<{ paths: string[] }>()(z.object({ multiple: z.boolean().optional() }).strict()),
};

/** Page-by-page progress of an import, for the progress panel. */
export interface ImportProgressEvent {
  jobId: string;
  fileName: string;
  stage: 'reading' | 'extracting' | 'recognising' | 'saving';
  /** Pages read so far and the page count (0 of 0 until a PDF's page count is known). */
  page: number;
  total: number;
}

/** The library gained, lost or changed a document: open lists refresh. */
export interface LibraryChangedEvent {
  docId: string;
  change: 'added' | 'removed' | 'updated';
}

declare module '../api/contract' {
  interface EventPayloads {
    'import.progress': ImportProgressEvent;
    'library.changed': LibraryChangedEvent;
  }
}
