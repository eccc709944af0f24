/** Importing the user's own material: PDFs (scanned pages read by OCR), photos of pages, transcripts (.txt, .md, .docx). */
export { extractPdf } from './pdf/extract-pdf.js';
export { extractInWorkers, extractPdfInWorkers, type WorkerOptions } from './extract-in-workers.js';
export { extractInProcess, type Extraction, type ExtractOptions } from './extract-any.js';
export { listOcrLanguages, resolveOcrLanguages, ocrLanguagesDir, type OcrLanguageFile } from './ocr/ocr-languages.js';
export type { OcrSetup } from './ocr/ocr-engine.js';
export { parseTranscript, parseTranscriptBlocks, type ParsedTranscript, type TranscriptTurn } from './transcript/parse-transcript.js';
export { blocksFromDocx } from './transcript/docx-blocks.js';
export { importFile, type ImportFileOptions, type ImportOutcome, type ImportedFile, type SkippedFile, type ImportProgress, type DuplicatePolicy, type Extractor } from './import-file.js';
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
