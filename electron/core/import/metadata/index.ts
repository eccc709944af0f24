/**
 * Bibliographic metadata of imported files, each field with its provenance. The extractors
 * call these; nothing here reads files or knows about workspaces.
 */
export { pdfMetadata, type PdfMetadataInput } from './pdf-metadata';
export { readDocxCoreProperties, docxMetadata, type DocxCoreProperties } from './docx-core';
export { splitFrontMatter, textMetadata, type FrontMatter } from './text-metadata';
export { readPrintedDetails, type PrintedPage } from './printed-details';
export { importedDocumentFields } from './complete';
export { titleFromFileName, type ImportedMetadata } from './types';
