import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../api/errors.js';
import { sha256Hex } from './content-hash.js';
import { ImportedDocumentRecordSchema } from './document-record.js';
import { MAX_IMPORT_BYTES } from './methods.js';
import { DOCUMENT_FILE, SUPERSEDED_PREFIX, TEMP_PREFIX, documentDir, documentsDir } from './workspace-paths.js';

/** One file of an imported document's folder (its original, `document.json`, OCR words, display PDF). */
export interface DocumentFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * The most one received document may hold. Its original is at most what an import accepts;
 * `document.json` of a 16 MB transcript is about 40 MB, a photo's display PDF a few times
 * the photo: four times the import limit leaves room for all of them and no more.
 */
export const MAX_DOCUMENT_FILES_BYTES = 4 * MAX_IMPORT_BYTES;
const MAX_DOCUMENT_FILE_COUNT = 16;
/** Names the import writes (`original.pdf`, `document.json`, `ocr-text.json`, `display.pdf`): no folders, nothing hidden. */
const FILE_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

/** An imported document's files, to send to colleagues; undefined when its folder is gone (a damaged workspace). */
export async function readDocumentFiles(workspaceDir: string, docId: string): Promise<DocumentFile[] | undefined> {
  const dir = documentDir(workspaceDir, docId);
  const names = await fs.readdir(dir).catch(() => undefined);
  if (!names) return undefined;
  const files: DocumentFile[] = [];
  for (const name of names.filter((candidate) => FILE_NAME.test(candidate)).sort()) {
    files.push({ name, bytes: new Uint8Array(await fs.readFile(path.join(dir, name))) });
  }
  return files;
}

/** Whether this workspace holds the document's folder. */
export async function hasDocumentFiles(workspaceDir: string, docId: string): Promise<boolean> {
  return fs.stat(path.join(documentDir(workspaceDir, docId), DOCUMENT_FILE)).then(
    () => true,
    () => false,
  );
}

/** What a library record says its document's files hold (see `LibraryRecord`). */
export interface ExpectedContent {
  contentHash: string;
  content?: { record: string; original: string } | undefined;
}

/**
 * Why files received for a library record cannot be its document, or undefined when they
 * can: a name that is not one the import writes, too many or too large files, a
 * `document.json` that does not read as an imported document of that id, or files that are
 * not the content the record names: for a document rewritten since import, `document.json`
 * and the original by their SHA-256; otherwise the original (a recording's media followed
 * by its transcript, as the import hashed them) against the content hash.
 */
export function receivedFilesProblem(docId: string, expected: ExpectedContent, files: readonly DocumentFile[]): string | undefined {
  if (files.length === 0) return 'no files came with it';
  if (files.length > MAX_DOCUMENT_FILE_COUNT) return `it came with ${files.length} files, more than a document has`;
  const badName = files.find((file) => !FILE_NAME.test(file.name));
  if (badName) return `it came with a file named “${badName.name.slice(0, 80)}”, which is not a document's file`;
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total > MAX_DOCUMENT_FILES_BYTES) return `its files are ${Math.ceil(total / 1024 / 1024)} MB, more than a document may be (${MAX_DOCUMENT_FILES_BYTES / 1024 / 1024} MB)`;
  const recordFile = files.find((file) => file.name === DOCUMENT_FILE);
  if (!recordFile) return `its ${DOCUMENT_FILE} is missing`;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(recordFile.bytes).toString('utf8'));
  } catch {
    return `its ${DOCUMENT_FILE} is not JSON`;
  }
  const record = ImportedDocumentRecordSchema.safeParse(json);
  if (!record.success) return `its ${DOCUMENT_FILE} is not an imported document (${record.error.issues[0]?.path.join('.') ?? 'root'}: ${record.error.issues[0]?.message ?? 'invalid'})`;
  if (record.data.document.id !== docId) return `its ${DOCUMENT_FILE} describes another document (${record.data.document.id})`;
  if (record.data.contentHash !== expected.contentHash) return `its ${DOCUMENT_FILE} names another content hash (${record.data.contentHash.slice(0, 12)}…, expected ${expected.contentHash.slice(0, 12)}…)`;
  const original = files.find((file) => file.name === record.data.originalFile);
  if (!original) return `its original file (${record.data.originalFile}) is missing`;
  if (expected.content) {
    const recordHash = sha256Hex(recordFile.bytes);
    if (recordHash !== expected.content.record) return `its ${DOCUMENT_FILE} is not the version its library record names (SHA-256 ${recordHash.slice(0, 12)}…, expected ${expected.content.record.slice(0, 12)}…)`;
    const hash = sha256Hex(original.bytes);
    if (hash !== expected.content.original) return `its original file is not the version its library record names (SHA-256 ${hash.slice(0, 12)}…, expected ${expected.content.original.slice(0, 12)}…)`;
    return undefined;
  }
  const hash = sha256Hex(original.bytes);
  if (hash === expected.contentHash) return undefined;
  const transcriptFile = record.data.document.media?.transcriptFile;
  const transcript = transcriptFile === undefined ? undefined : files.find((file) => file.name === transcriptFile);
  if (transcript && createHash('sha256').update(original.bytes).update(transcript.bytes).digest('hex') === expected.contentHash) return undefined;
  return `its original file does not match its content hash (SHA-256 ${hash.slice(0, 12)}…, expected ${expected.contentHash.slice(0, 12)}…)`;
}

/**
 * Whether this workspace's folder of the document holds the content the library record
 * names (checked as received files are); false when the folder is missing or damaged.
 */
export async function holdsContent(workspaceDir: string, docId: string, expected: ExpectedContent): Promise<boolean> {
  const files = await readDocumentFiles(workspaceDir, docId).catch(() => undefined);
  return files !== undefined && receivedFilesProblem(docId, expected, files) === undefined;
}

/**
 * A newer version of a document already here (a colleague anonymised or corrected it):
 * each file is written beside itself and renamed over the old one, `document.json` last,
 * so until then the document reads as it was; files the new version lacks (an original
 * saved under a new name) go after. With `keepAside`, the old files are first copied to
 * `documents/.superseded-<id>-<time>/` (never sent, never cleaned up by the app): the
 * losing side of a conflict is not lost. Answers where they were kept.
 */
export async function replaceDocumentFiles(workspaceDir: string, docId: string, files: readonly DocumentFile[], options: { keepAside?: boolean } = {}): Promise<string | undefined> {
  const dir = documentDir(workspaceDir, docId);
  const old = (await fs.readdir(dir)).filter((name) => FILE_NAME.test(name));
  const suffix = `.${randomBytes(4).toString('hex')}.tmp`;
  const ordered = [...files.filter((file) => file.name !== DOCUMENT_FILE), ...files.filter((file) => file.name === DOCUMENT_FILE)];
  let keptIn: string | undefined;
  try {
    if (options.keepAside) {
      keptIn = path.join(documentsDir(workspaceDir), `${SUPERSEDED_PREFIX}${docId}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      await fs.mkdir(keptIn, { recursive: true });
      for (const name of old) await fs.copyFile(path.join(dir, name), path.join(keptIn, name));
    }
    for (const file of ordered) await fs.writeFile(path.join(dir, file.name + suffix), file.bytes);
    for (const file of ordered) await fs.rename(path.join(dir, file.name + suffix), path.join(dir, file.name));
  } catch (error) {
    await Promise.all(ordered.map((file) => fs.rm(path.join(dir, file.name + suffix), { force: true })));
    throw new WorkbenchError('IO', `The newer version of the document ${docId} could not be written into the workspace (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); it still reads as before. Check the disk has space, then sync or merge again.`, { docId });
  }
  const kept = new Set(files.map((file) => file.name));
  await Promise.all(old.filter((name) => !kept.has(name)).map((name) => fs.rm(path.join(dir, name), { force: true })));
  return keptIn;
}

/**
 * Writes received files as the document's folder, through a temporary folder renamed into
 * place, so a folder is there whole or not at all. A folder already here is left as it is
 * (answers false): the files of a document do not change by travelling.
 */
export async function placeDocumentFiles(workspaceDir: string, docId: string, files: readonly DocumentFile[]): Promise<boolean> {
  const target = documentDir(workspaceDir, docId);
  if (await fs.stat(target).then(() => true, () => false)) return false;
  const root = documentsDir(workspaceDir);
  await fs.mkdir(root, { recursive: true });
  const temp = path.join(root, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
  try {
    await fs.mkdir(temp);
    for (const file of files) await fs.writeFile(path.join(temp, file.name), file.bytes);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true });
    throw new WorkbenchError('IO', `The files of the received document ${docId} could not be written into the workspace (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check the disk has space, then sync again.`, { docId });
  }
  return true;
}

/**
 * A conflict over a document's content was resolved for the version that lost here: its
 * files, kept aside when the winner's replaced them, come back (the current ones are kept
 * aside in turn). Answers whether a kept version matched.
 */
export async function restoreKeptVersion(workspaceDir: string, docId: string, expected: ExpectedContent): Promise<boolean> {
  const root = documentsDir(workspaceDir);
  const kept = (await fs.readdir(root).catch(() => [] as string[])).filter((name) => name.startsWith(`${SUPERSEDED_PREFIX}${docId}-`)).sort().reverse();
  for (const name of kept) {
    const dir = path.join(root, name);
    const names = (await fs.readdir(dir)).filter((candidate) => FILE_NAME.test(candidate));
    const files = await Promise.all(names.map(async (file) => ({ name: file, bytes: new Uint8Array(await fs.readFile(path.join(dir, file))) })));
    if (receivedFilesProblem(docId, expected, files) !== undefined) continue;
    await replaceDocumentFiles(workspaceDir, docId, files, { keepAside: true });
    await fs.rm(dir, { recursive: true, force: true });
    return true;
  }
  return false;
}
