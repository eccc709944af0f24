import type { CorpusDocument } from '../corpus/schema.js';
import { decodeTextOrRefuse, type ImportFormat } from './file-format.js';
import { guessLanguage } from './language.js';
import type { OcrSetup } from './ocr/ocr-engine.js';
import { extractPhoto } from './ocr/extract-photo.js';
import type { OcrTextLayerPage } from './ocr/ocr-types.js';
import { extractPdf } from './pdf/extract-pdf.js';
import { blocksFromDocx } from './transcript/docx-blocks.js';
import { parseTranscript, parseTranscriptBlocks, type ParsedTranscript } from './transcript/parse-transcript.js';
import type { ExtractedFootnote, ExtractedMetadata, ExtractedPassage } from './types.js';
import { docxMetadata, readDocxCoreProperties, splitFrontMatter, textMetadata } from './metadata/index.js';

/** The extracted content of any supported file, before it gets an id. */
export interface Extraction {
  origin: CorpusDocument['origin'];
  kind: CorpusDocument['kind'];
  metadata: ExtractedMetadata;
  pageCount: number;
  hasTextLayer: boolean;
  passages: ExtractedPassage[];
  footnotes: ExtractedFootnote[];
  unreadablePages: number[];
  ocrPages: number[];
  ocrLanguages: string[];
  textLayers: OcrTextLayerPage[];
  /** For photos: a PDF made to show them in the reader. */
  displayPdf?: Uint8Array;
  /** What the file says about itself (a REFI-QDA source's description and memos), shown in the document's info. */
  description?: string;
}

export interface ExtractOptions {
  fileName: string;
  password?: string;
  signal?: AbortSignal;
  /** A page was read, or (`recognising`) OCR of a page starts. */
  onPage?(page: number, total: number, recognising?: boolean): void;
  /** Read pages without text (scans, photos) by OCR with these languages. */
  ocr?: OcrSetup;
}

/** Extraction on the calling thread; imports run it on worker threads (`extractInWorkers`). */
export async function extractInProcess(format: ImportFormat, bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  const common = {
    fileName: options.fileName,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onPage ? { onProgress: options.onPage } : {}),
    ...(options.ocr ? { ocr: options.ocr } : {}),
  };
  if (format === 'pdf') {
    const pdf = await extractPdf(bytes, { ...common, ...(options.password === undefined ? {} : { password: options.password }) });
    return { origin: 'imported-pdf', kind: 'other', ...pdf };
  }
  if (format === 'jpeg' || format === 'png' || format === 'tiff') {
    const photo = await extractPhoto(bytes, format, common);
    return { origin: 'imported-photo', kind: 'other', ...photo };
  }
  if (format === 'docx') {
    // The zip is checked (blocksFromDocx) before its core properties are read.
    const parsed = parseTranscriptBlocks(await blocksFromDocx(bytes, options.fileName));
    return transcriptExtraction(format, parsed, docxMetadata(await readDocxCoreProperties(bytes), parsed.title, options.fileName));
  }
  const frontMatter = splitFrontMatter(decodeTextOrRefuse(bytes, options.fileName));
  const parsed = parseTranscript(frontMatter.body, { format });
  return transcriptExtraction(format, parsed, textMetadata(frontMatter.data, parsed.title, options.fileName));
}

function transcriptExtraction(format: 'docx' | 'txt' | 'md', parsed: ParsedTranscript, described: Omit<ExtractedMetadata, 'language'>): Extraction {
  const isTranscript = parsed.turns.length > 0;
  const origin: CorpusDocument['origin'] = format === 'docx' ? 'imported-docx' : isTranscript ? 'imported-transcript' : 'imported-text';
  return {
    origin,
    kind: isTranscript ? 'transcript' : 'other',
    metadata: { ...described, language: guessLanguage(parsed.passages.slice(0, 200).map((p) => p.text).join(' ')) },
    pageCount: 1,
    hasTextLayer: true,
    passages: parsed.passages,
    footnotes: [],
    unreadablePages: [],
    ocrPages: [],
    ocrLanguages: [],
    textLayers: [],
  };
}
