import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../api/errors.js';
import type { CorpusDocument, Footnote, Passage } from '../corpus/schema.js';
import { throwIfCancelled, cancelledError } from './cancellation.js';
import { importedDocumentId, sha256Hex } from './content-hash.js';
import type { ImportedDocumentRecord } from './document-record.js';
import { extractAny, type Extraction } from './extract-any.js';
import { detectFormat } from './file-format.js';
import type { extractPdf } from './pdf/extract-pdf.js';
import { DOCUMENT_FILE, TEMP_PREFIX, documentsDir } from './workspace-paths.js';
import { importedDocumentFields } from './metadata/index.js';

export type DuplicatePolicy = 'ask' | 'import-again' | 'skip';

export interface ImportProgress {
  stage: 'reading' | 'extracting' | 'saving';
  /** During 'extracting' of a PDF: pages done and the page count. */
  page?: number;
  pageCount?: number;
}

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
  /** Extract PDFs with this (e.g. `runExtractionInWorker`); default in-process. */
  pdfExtractor?: typeof extractPdf;
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
}

export interface SkippedFile {
  status: 'skipped';
  existingDocumentId: string;
  contentHash: string;
}

export type ImportOutcome = ImportedFile | SkippedFile;

const DEFAULT_MAX_BYTES = 1024 ** 3;

/**
 * Imports one file into the workspace: validates it, extracts its text, and writes
 * `documents/<docId>/original.<ext>` and `documents/<docId>/document.json`. Everything is
 * built in a `documents/.tmp-*` folder and renamed into place at the very end, so an
 * import that fails or is cancelled leaves nothing behind, and a crash leaves only a
 * `.tmp-*` folder that `cleanupInterruptedImports` removes.
 */
export async function importFile(workspaceDir: string, filePath: string, options: ImportFileOptions = {}): Promise<ImportOutcome> {
  const fileName = path.basename(filePath);
  const { signal } = options;
  options.onProgress?.({ stage: 'reading' });
  const bytes = await readCandidate(filePath, fileName, options.maxBytes ?? DEFAULT_MAX_BYTES);
  throwIfCancelled(signal, fileName);
  const format = detectFormat(fileName, bytes);
  const contentHash = sha256Hex(bytes);

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

  options.onProgress?.({ stage: 'extracting' });
  const extraction = await extractAny(format, bytes, {
    fileName,
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(signal ? { signal } : {}),
    ...(options.pdfExtractor ? { pdfExtractor: options.pdfExtractor } : {}),
    onPage: (page, pageCount) => options.onProgress?.({ stage: 'extracting', page, pageCount }),
  });
  throwIfCancelled(signal, fileName);

  options.onProgress?.({ stage: 'saving' });
  const root = documentsDir(workspaceDir);
  await fs.mkdir(root, { recursive: true });
  const docId = await freeDocumentId(root, contentHash, new Set(Object.values(options.existingHashes ?? {})));
  const ext = format === 'md' ? 'md' : format;
  const originalFile = `original.${ext}`;
  const record = buildRecord(extraction, { docId, fileName, contentHash, originalFile });

  const temp = path.join(root, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
  try {
    await fs.mkdir(temp);
    await fs.writeFile(path.join(temp, originalFile), bytes);
    await fs.writeFile(path.join(temp, DOCUMENT_FILE), JSON.stringify(record, null, 1));
    // The last moment to back out: after the rename the document exists.
    if (signal?.aborted) throw cancelledError(fileName);
    await fs.rename(temp, path.join(root, docId));
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true });
    if (error instanceof WorkbenchError) throw error;
    throw new WorkbenchError('IO', `“${fileName}” could not be saved into the workspace (${(error as Error).message}). Check that the disk has space and the workspace folder is writable, then try again.`, { fileName });
  }
  return {
    status: 'imported',
    document: record.document,
    passages: record.passages,
    footnotes: record.footnotes,
    pages: record.document.pageCount,
    contentHash,
    hasTextLayer: record.hasTextLayer,
  };
}

async function readCandidate(filePath: string, fileName: string, maxBytes: number): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(filePath);
  } catch {
    throw new WorkbenchError('NOT_FOUND', `“${fileName}” could not be found at ${filePath}. It may have been moved or deleted; choose the file again.`, { filePath });
  }
  if (!stat.isFile()) throw new WorkbenchError('BAD_REQUEST', `“${fileName}” is a folder, not a file. Choose a file inside it.`, { filePath });
  if (stat.size === 0) throw new WorkbenchError('CORRUPT', `“${fileName}” is empty (0 bytes), so there is nothing to import. It may not have finished downloading or copying.`, { filePath });
  if (stat.size > maxBytes) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw new WorkbenchError('UNSUPPORTED', `“${fileName}” is ${mb(stat.size)}, larger than the ${mb(maxBytes)} the workbench can import. Split it into smaller files and import those.`, { filePath });
  }
  return new Uint8Array(await fs.readFile(filePath));
}

/** The first id for this content not used in the library nor by a folder on disk. */
async function freeDocumentId(root: string, contentHash: string, usedIds: Set<string>): Promise<string> {
  for (let copy = 1; ; copy++) {
    const id = importedDocumentId(contentHash, copy);
    if (usedIds.has(id)) continue;
    // A folder without a library entry is kept, never overwritten: it may hold someone's data.
    const exists = await fs.stat(path.join(root, id)).then(() => true, () => false);
    if (!exists) return id;
  }
}

interface RecordIds {
  docId: string;
  fileName: string;
  contentHash: string;
  originalFile: string;
}

function buildRecord(extraction: Extraction, ids: RecordIds): ImportedDocumentRecord {
  const { docId } = ids;
  const { metadata } = extraction;
  const passageId = (order: number) => `${docId}-p${order}`;
  const passageTexts = extraction.passages.map((p) => ({ id: passageId(p.order), kind: p.kind, text: p.text }));
  const document: CorpusDocument = {
    id: docId,
    ...importedDocumentFields(metadata, passageTexts),
    editors: [],
    kind: extraction.kind,
    language: metadata.language,
    origin: extraction.origin,
    source: ids.fileName,
    ...(extraction.origin === 'imported-pdf' ? { pdf: ids.originalFile } : {}),
    pageCount: extraction.pageCount,
    ...(documentNote(extraction) === undefined ? {} : { note: documentNote(extraction) }),
  };
  const passages: Passage[] = extraction.passages.map((p) => ({
    id: passageId(p.order),
    docId,
    sectionPath: p.sectionPath,
    kind: p.kind,
    text: p.text,
    ...(p.level === undefined ? {} : { level: p.level }),
    page: p.page,
    order: p.order,
    footnoteRefs: p.footnoteRefs,
    links: [],
    backMatter: false,
    ...(p.speaker === undefined ? {} : { speaker: p.speaker }),
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
    document,
    passages,
    footnotes,
  };
}

/** What the document's info should tell the reader about the import. */
function documentNote(extraction: Extraction): string | undefined {
  const notes: string[] = [];
  if (!extraction.hasTextLayer) {
    notes.push('This PDF has no text layer (it may be a scan without OCR): it can be read, but there is no text to search, annotate or cite. Run it through OCR and import the result to work with its text.');
  }
  if (extraction.unreadablePages.length > 0) {
    notes.push(`Page${extraction.unreadablePages.length > 1 ? 's' : ''} ${extraction.unreadablePages.join(', ')} of the PDF ${extraction.unreadablePages.length > 1 ? 'are' : 'is'} damaged and could not be read; the rest was imported.`);
  }
  return notes.length > 0 ? notes.join(' ') : undefined;
}
