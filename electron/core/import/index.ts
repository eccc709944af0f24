/** Importing the user's own material: PDFs, transcripts (.txt, .md, .docx); the library of imported documents. */
import { libraryCollection } from './handlers/library-records.js';

export { extractPdf } from './pdf/extract-pdf.js';
export { runExtractionInWorker, type WorkerOptions } from './run-in-worker.js';
export { parseTranscript, parseTranscriptBlocks, type ParsedTranscript, type TranscriptTurn } from './transcript/parse-transcript.js';
export { blocksFromDocx } from './transcript/docx-blocks.js';
export { importFile, type ImportFileOptions, type ImportOutcome, type ImportedFile, type SkippedFile, type ImportProgress, type DuplicatePolicy } from './import-file.js';
export {
  readImportedDocument,
  removeImportedDocument,
  updateImportedMetadata,
  cleanupInterruptedImports,
  ImportedMetadataPatchSchema,
  type ImportedMetadataPatch,
} from './manage-imported.js';
export { ImportedDocumentRecordSchema, type ImportedDocumentRecord } from './document-record.js';
export { detectFormat, type ImportFormat } from './file-format.js';
export type { ExtractPdfOptions, PdfExtraction, ExtractedPassage, ExtractedFootnote, ExtractedMetadata } from './types.js';
export { createImportArea } from './area.js';
export { Library, LibraryRecordSchema, libraryCollection, type LibraryRecord } from './handlers/library-records.js';
export { importMethods, MAX_IMPORT_BYTES } from './methods.js';
export type { ImportResult, RemoveResult, ImportProgressEvent, LibraryChangedEvent } from './methods.js';
export { registerImportCommands } from './cli.js';

/** The collections this area owns. */
export const importCollections = [libraryCollection] as const;
