import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../api/errors.js';
import type { CorpusDocument, Footnote, Passage } from '../corpus/schema.js';
import { throwIfCancelled } from './cancellation.js';
import { importedDocumentId, sha256Hex } from './content-hash.js';
import { ImportedDocumentRecordSchema, type ImportedDocumentRecord } from './document-record.js';
import type { ExtractOptions, Extraction } from './extract-any.js';
import { extractInWorkers } from './extract-in-workers.js';
import { ORIGINAL_EXTENSION, type ImportFormat } from './file-format.js';
import type { OcrSetup } from './ocr/ocr-engine.js';
import { DEFAULT_MAX_BYTES, readCandidate } from './read-candidate.js';
import { writeRecordFile } from './record-files.js';
import { saveDocumentFolder } from './document-folder.js';
import { DISPLAY_PDF_FILE, DOCUMENT_FILE, OCR_TEXT_FILE, documentsDir } from './workspace-paths.js';
import { importedDocumentFields } from './metadata/index.js';

export type DuplicatePolicy = 'ask' | 'import-again' | 'skip';

export interface ImportProgress {
  stage: 'reading' | 'extracting' | 'recognising' | 'saving';
  /** While extracting or recognising: pages done and the page count. */
  page?: number;
  pageCount?: number;
}

export type Extractor = (format: ImportFormat, bytes: Uint8Array, options: ExtractOptions) => Promise<Extraction>;

export interface ImportFileOptions {
  password?: string;
  onProgress?(progress: ImportProgress): void;
  signal?: AbortSignal;
  /** What to do when a file with the same content is already in the library. Default 'ask'. */
  onDuplicate?: DuplicatePolicy;
  /** Content hashes already in the library, mapped to their document ids. */
  existingHashes?: Record<string, string>;
  /** Files larger than this are refused. Default 1 GiB. */
  maxBytes?: number;
  /** Reads pages without text (scans, photos) by OCR; without it they stay without text. */
  ocr?: OcrSetup;
  /** How the file's content is extracted. Default: on worker threads with limits (`extractInWorkers`). */
  extractor?: Extractor;
}

export interface ImportedFile {
  status: 'imported';
  document: CorpusDocument;
  passages: Passage[];
  footnotes: Footnote[];
  /** Page count (1 for text files). */
  pages: number;
  contentHash: string;
  hasTextLayer: boolean;
  ocrPages: number[];
}

export interface SkippedFile {
  status: 'skipped';
  existingDocumentId: string;
  contentHash: string;
}

export type ImportOutcome = ImportedFile | SkippedFile;

/**
 * Imports one file into the workspace as one transaction: the file is read and its content
 * extracted (on worker threads) before anything is written or any duplicate is reported, so
 * a wrong password or a damaged file gets its own error. Everything is then built in a
 * `documents/.tmp-*` folder, checked against the record schema, and renamed into place at
 * the very end: an import that fails or is cancelled leaves nothing, and a crash leaves
 * only a `.tmp-*` folder that `cleanupInterruptedImports` removes.
 */
export async function importFile(workspaceDir: string, filePath: string, options: ImportFileOptions = {}): Promise<ImportOutcome> {
  const fileName = path.basename(filePath);
  const { signal } = options;
  options.onProgress?.({ stage: 'reading' });
  const { bytes, format } = await readCandidate(filePath, fileName, options.maxBytes ?? DEFAULT_MAX_BYTES);
  throwIfCancelled(signal, fileName);
  const contentHash = sha256Hex(bytes);

  options.onProgress?.({ stage: 'extracting' });
  const extract = options.extractor ?? extractInWorkers;
  const extraction = await extract(format, bytes, {
    fileName,
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(signal ? { signal } : {}),
    ...(options.ocr ? { ocr: options.ocr } : {}),
    onPage: (page, pageCount, recognising) => options.onProgress?.({ stage: recognising ? 'recognising' : 'extracting', page, pageCount }),
  });
  throwIfCancelled(signal, fileName);

  const existingId = options.existingHashes?.[contentHash];
  const policy = options.onDuplicate ?? 'ask';
  if (existingId && policy === 'skip') return { status: 'skipped', existingDocumentId: existingId, contentHash };
  if (existingId && policy === 'ask') {
    throw new WorkbenchError(
      'CONFLICT',
      `“${fileName}” is already in your library (the same file was imported before). Open the existing copy, or choose to import it again as a separate document.`,
      { existingDocumentId: existingId, contentHash },
    );
  }

  options.onProgress?.({ stage: 'saving' });
  const root = documentsDir(workspaceDir);
  await fs.mkdir(root, { recursive: true });
  const docId = await freeDocumentId(root, contentHash, new Set(Object.values(options.existingHashes ?? {})));
  const originalFile = `original.${ORIGINAL_EXTENSION[format]}`;
  const record = checkedRecord(buildRecord(extraction, { docId, fileName, contentHash, originalFile }), fileName);

  await saveDocumentFolder(root, docId, fileName, signal, async (folder) => {
    await fs.writeFile(path.join(folder, originalFile), bytes);
    if (extraction.displayPdf) await fs.writeFile(path.join(folder, DISPLAY_PDF_FILE), extraction.displayPdf);
    if (extraction.textLayers.length > 0) await fs.writeFile(path.join(folder, OCR_TEXT_FILE), JSON.stringify({ schemaVersion: 1, pages: extraction.textLayers }));
    await writeRecordFile(path.join(folder, DOCUMENT_FILE), record);
  });
  return {
    status: 'imported',
    document: record.document,
    passages: record.passages,
    footnotes: record.footnotes,
    pages: record.document.pageCount,
    contentHash,
    hasTextLayer: record.hasTextLayer,
    ocrPages: extraction.ocrPages,
  };
}

/**
 * The record as it will be read back, or a refusal: a document whose record would not load
 * again would be imported, then listed nowhere (a "ghost") and refused as a duplicate.
 */
export function checkedRecord(record: ImportedDocumentRecord, fileName: string): ImportedDocumentRecord {
  const parsed = ImportedDocumentRecordSchema.safeParse(record);
  if (parsed.success) return parsed.data;
  const problem = parsed.error.issues[0];
  throw new WorkbenchError(
    'CORRUPT',
    `“${fileName}” could not be read into a usable document (${problem ? `${problem.path.join('.')}: ${problem.message}` : 'its content is malformed'}). The file may be damaged; if you have another copy, import that. Nothing was added to your library.`,
    { fileName },
  );
}

/** The first id for this content not used in the library nor by a folder on disk. */
export async function freeDocumentId(root: string, contentHash: string, usedIds: Set<string>): Promise<string> {
  for (let copy = 1; ; copy++) {
    const id = importedDocumentId(contentHash, copy);
    if (usedIds.has(id)) continue;
    // A folder without a library entry is kept, never overwritten: it may hold someone's data.
    const exists = await fs.stat(path.join(root, id)).then(() => true, () => false);
    if (!exists) return id;
  }
}

export interface RecordIds {
  docId: string;
  fileName: string;
  contentHash: string;
  originalFile: string;
}

export function buildRecord(extraction: Extraction, ids: RecordIds): ImportedDocumentRecord {
  const { docId } = ids;
  const { metadata } = extraction;
  const passageId = (order: number) => `${docId}-p${order}`;
  const passageTexts = extraction.passages.map((p) => ({ id: passageId(p.order), kind: p.kind, text: p.text }));
  const note = documentNote(extraction);
  const shownPdf = extraction.displayPdf ? DISPLAY_PDF_FILE : extraction.origin === 'imported-pdf' ? ids.originalFile : undefined;
  const document: CorpusDocument = {
    id: docId,
    ...importedDocumentFields(metadata, passageTexts),
    editors: [],
    kind: extraction.kind,
    language: metadata.language,
    origin: extraction.origin,
    source: ids.fileName,
    ...(shownPdf ? { pdf: shownPdf } : {}),
    pageCount: extraction.pageCount,
    ...(note === undefined ? {} : { note }),
  };
  const passages: Passage[] = extraction.passages.map((p) => ({
    id: passageId(p.order),
    docId,
    sectionPath: p.sectionPath,
    kind: p.kind,
    text: p.text,
    ...(p.cells ? { cells: p.cells } : {}),
    ...(p.level === undefined ? {} : { level: p.level }),
    page: p.page,
    order: p.order,
    footnoteRefs: p.footnoteRefs,
    links: [],
    backMatter: false,
    ...(p.speaker === undefined ? {} : { speaker: p.speaker }),
    ...(p.ocr ? { ocr: true, ...(p.confidence === undefined ? {} : { confidence: p.confidence }) } : {}),
    ...(p.start === undefined || p.end === undefined ? {} : { start: p.start, end: p.end }),
  }));
  const footnotes: Footnote[] = extraction.footnotes.map((f) => ({
    docId,
    number: f.number,
    text: f.text,
    urls: f.urls,
    citedBy: f.citedBy.map(passageId),
    ...(f.page === undefined ? {} : { page: f.page }),
  }));
  return {
    schemaVersion: 1,
    contentHash: ids.contentHash,
    importedAt: new Date().toISOString(),
    originalFile: ids.originalFile,
    hasTextLayer: extraction.hasTextLayer,
    ...(extraction.ocrPages.length > 0 ? { ocr: { pages: extraction.ocrPages, languages: extraction.ocrLanguages } } : {}),
    document,
    passages,
    footnotes,
  };
}

/** What the document's info should tell the reader about the import. */
function documentNote(extraction: Extraction): string | undefined {
  const notes: string[] = extraction.description ? [extraction.description] : [];
  const pages = (list: number[]) => `${list.length > 1 ? 'Pages' : 'Page'} ${list.join(', ')}`;
  if (!extraction.hasTextLayer) {
    notes.push(
      extraction.origin === 'imported-photo'
        ? 'OCR found no text in this picture: it can be looked at, but there is nothing to search, annotate or cite.'
        : 'This PDF has no text layer and OCR found no text in it (or OCR was off): it can be read, but there is no text to search, annotate or cite.',
    );
  }
  if (extraction.ocrPages.length > 0) {
    const whole = extraction.ocrPages.length === extraction.pageCount;
    notes.push(
      `${whole ? (extraction.origin === 'imported-photo' ? 'The text of this picture was' : 'The text of every page was') : `${pages(extraction.ocrPages)} had no text layer; their text was`} recognised by OCR (${extraction.ocrLanguages.join(', ')}). OCR makes mistakes: check a quote against the page image before citing it.`,
    );
  }
  if (extraction.unreadablePages.length > 0) {
    notes.push(`${pages(extraction.unreadablePages)} of the PDF ${extraction.unreadablePages.length > 1 ? 'are' : 'is'} damaged and could not be read; the rest was imported.`);
  }
  return notes.length > 0 ? notes.join(' ') : undefined;
}
