import type { CorpusDocument } from '../corpus/schema.js';
import { decodeText, type ImportFormat } from './file-format.js';
import { extractPdf } from './pdf/extract-pdf.js';
import { blocksFromDocx } from './transcript/docx-blocks.js';
import { parseTranscript, parseTranscriptBlocks, type ParsedTranscript } from './transcript/parse-transcript.js';
import type { ExtractedFootnote, ExtractedMetadata, ExtractedPassage, PdfExtraction } from './types.js';
import { guessLanguage } from './language.js';
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
  const frontMatter = format === 'docx' ? undefined : splitFrontMatter(decodeText(bytes));
  const parsed: ParsedTranscript =
    format === 'docx' ? parseTranscriptBlocks(await blocksFromDocx(bytes, options.fileName)) : parseTranscript(frontMatter!.body, { format });
  const isTranscript = parsed.turns.length > 0;
  const origin: CorpusDocument['origin'] = format === 'docx' ? 'imported-docx' : isTranscript ? 'imported-transcript' : 'imported-text';
  const described = frontMatter
    ? textMetadata(frontMatter.data, parsed.title, options.fileName)
    : docxMetadata(await readDocxCoreProperties(bytes), parsed.title, options.fileName);
  return {
    origin,
    kind: isTranscript ? 'transcript' : 'other',
    metadata: { ...described, language: guessLanguage(parsed.passages.map((p) => p.text).join(' ')) },
    pageCount: 1,
    hasTextLayer: true,
    passages: parsed.passages,
    footnotes: [],
    unreadablePages: [],
  };
}
