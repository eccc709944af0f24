import type { FootnoteRef, PassageKind } from '../corpus/schema.js';
import type { ImportedMetadata } from './metadata/types.js';
import type { OcrSetup } from './ocr/ocr-engine.js';
import type { OcrTextLayerPage } from './ocr/ocr-types.js';

/**
 * What an extractor produces before the document has an id: passages and footnotes
 * without docId/id. `importFile` turns them into corpus Passages and Footnotes.
 */
export interface ExtractedPassage {
  kind: PassageKind;
  text: string;
  page: number;
  sectionPath: string[];
  order: number;
  /** Heading level for kind 'heading'. */
  level?: number;
  /** Transcript turns carry who said them. */
  speaker?: string;
  footnoteRefs: FootnoteRef[];
  /** Table rows keep their cells; `text` joins them with tabs. */
  cells?: string[];
  /** Read by OCR from a page image, with tesseract's mean confidence (0-1). */
  ocr?: boolean;
  confidence?: number;
  /** Timed transcripts: when the passage is said in the recording, in seconds. */
  start?: number;
  end?: number;
}

export interface ExtractedFootnote {
  number: number;
  text: string;
  urls: string[];
  page?: number;
  /** `order` of the passages whose text carried this footnote's marker. */
  citedBy: number[];
}

/** Title, authors, year… with where each came from (see import/metadata). */
export interface ExtractedMetadata extends ImportedMetadata {
  /** BCP 47 guess from the script of the text ('ar' for Arabic, else 'en'). */
  language: string;
}

export interface PdfExtraction {
  metadata: ExtractedMetadata;
  pageCount: number;
  hasTextLayer: boolean;
  passages: ExtractedPassage[];
  footnotes: ExtractedFootnote[];
  /** Pages pdf.js could not read (damaged); the rest of the document was still imported. */
  unreadablePages: number[];
  /** Pages without a text layer whose text OCR recognised, and in which languages. */
  ocrPages: number[];
  ocrLanguages: string[];
  /** Word boxes of the OCR'd pages, for the PDF view's text layer. */
  textLayers: OcrTextLayerPage[];
}

export interface ExtractPdfOptions {
  /** The file's name, used in messages written for the user. */
  fileName: string;
  password?: string;
  /** A page was read, or (`recognising`) OCR of a page starts, which takes seconds. */
  onProgress?(page: number, total: number, recognising?: boolean): void;
  signal?: AbortSignal;
  /** Recognise pages that have no text layer; without it they stay without text. */
  ocr?: OcrSetup;
}
