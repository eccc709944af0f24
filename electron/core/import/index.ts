/** Importing the user's own material: PDFs, transcripts (.txt, .md, .docx). */
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
