/** Importing the user's own material: PDFs (scanned pages read by OCR), photos of pages, transcripts (.txt, .md, .docx); the library of imported documents. */
import { libraryCollection } from './handlers/library-records.js';

// Types only from the extraction modules: importing their values here would load pdf.js,
// tesseract.js and pdfkit with the core, which the CLI's info and search must not wait for
// (and a built CLI without node_modules could not even start). Import's own handlers load them.
export type { WorkerOptions } from './extract-in-workers.js';
export type { Extraction, ExtractOptions } from './extract-any.js';
export type { OcrLanguageFile } from './ocr/ocr-languages.js';
export type { OcrSetup } from './ocr/ocr-engine.js';
export type { ParsedTranscript, TranscriptTurn } from './transcript/parse-transcript.js';
export type { ImportFileOptions, ImportOutcome, ImportedFile, SkippedFile, ImportProgress, DuplicatePolicy, Extractor } from './import-file.js';
export type { ImportedMetadataPatch } from './manage-imported.js';
export { ImportedDocumentRecordSchema, type ImportedDocumentRecord } from './document-record.js';
export type { ImportFormat } from './file-format.js';
export type { ExtractPdfOptions, PdfExtraction, ExtractedPassage, ExtractedFootnote, ExtractedMetadata } from './types.js';
export { createImportArea, type ImportArea, type ProjectImporter, type DocumentFilesFace } from './area.js';
export { MAX_DOCUMENT_FILES_BYTES, type DocumentFile } from './document-files.js';
export type { PreparedDocument } from './handlers/run-import.js';
export type { ImportedContent } from './handlers/imported-content.js';
export { documentDir, documentsDir } from './workspace-paths.js';
export { Library, LibraryRecordSchema, libraryCollection, type LibraryRecord } from './handlers/library-records.js';
export { importMethods, MAX_IMPORT_BYTES } from './methods.js';
export { MAX_TEXT_BYTES } from './read-candidate.js';
export type { ImportResult, ProjectImportSummary, RemoveResult, ImportProgressEvent, LibraryChangedEvent, OcrLanguageInfo, OcrTextLayer } from './methods.js';
export { registerImportCommands } from './cli.js';

/** The collections this area owns. */
export const importCollections = [libraryCollection] as const;
