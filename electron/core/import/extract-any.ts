import path from 'node:path';
import type { CorpusDocument } from '../corpus/schema.js';
import { decodeText, type ImportFormat } from './file-format.js';
import { extractPdf } from './pdf/extract-pdf.js';
import { blocksFromDocx } from './transcript/docx-blocks.js';
import { parseTranscript, parseTranscriptBlocks, type ParsedTranscript } from './transcript/parse-transcript.js';
import type { ExtractedFootnote, ExtractedMetadata, ExtractedPassage, PdfExtraction } from './types.js';
import { guessLanguage } from './language.js';

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
}

export interface ExtractOptions {
  fileName: string;
  password?: string;
  signal?: AbortSignal;
  onPage?(page: number, total: number): void;
  /** Extract PDFs with this instead of in-process (e.g. `runExtractionInWorker`). */
  pdfExtractor?: typeof extractPdf;
}

export async function extractAny(format: ImportFormat, bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  if (format === 'pdf') {
    const extractor = options.pdfExtractor ?? extractPdf;
    const pdf: PdfExtraction = await extractor(bytes, {
      fileName: options.fileName,
      ...(options.password === undefined ? {} : { password: options.password }),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onPage ? { onProgress: options.onPage } : {}),
    });
    return { origin: 'imported-pdf', kind: 'other', ...pdf };
  }
  const parsed: ParsedTranscript =
    format === 'docx'
      ? parseTranscriptBlocks(await blocksFromDocx(bytes, options.fileName))
      : parseTranscript(decodeText(bytes), { format });
  const isTranscript = parsed.turns.length > 0;
  const origin: CorpusDocument['origin'] = format === 'docx' ? 'imported-docx' : isTranscript ? 'imported-transcript' : 'imported-text';
  const fallbackTitle = path.basename(options.fileName, path.extname(options.fileName));
  return {
    origin,
    kind: isTranscript ? 'transcript' : 'other',
    metadata: {
      title: parsed.title ?? fallbackTitle,
      authors: [],
      language: guessLanguage(parsed.passages.map((p) => p.text).join(' ')),
    },
    pageCount: 1,
    hasTextLayer: true,
    passages: parsed.passages,
    footnotes: [],
    unreadablePages: [],
  };
}
