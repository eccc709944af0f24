import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../api/errors.js';
import { ImportedDocumentRecordSchema, type ImportedDocumentRecord } from '../document-record.js';
import { readImportedDocument } from '../manage-imported.js';
import { DOCUMENT_FILE, documentDir } from '../workspace-paths.js';
import type { ImportContext } from './import-context.js';
import { writeRecordFile } from '../record-files.js';
import { folderContentVersion } from '../content-hash.js';

/** An imported document's saved content: its record (passages, speakers, footnotes) and its original file. */
export interface ImportedContent {
  record: ImportedDocumentRecord;
  original: { file: string; bytes: Buffer };
}

export async function readImportedContent(context: ImportContext, docId: string): Promise<ImportedContent> {
  if (!context.library.has(docId)) {
    throw new WorkbenchError('NOT_FOUND', `There is no imported document ${docId} in this workspace. Run \`workbench documents\` to see the ids.`, { docId });
  }
  const record = await readImportedDocument(context.workspace.dir, docId);
  const bytes = await fs.readFile(path.join(documentDir(context.workspace.dir, docId), record.originalFile));
  return { record, original: { file: record.originalFile, bytes } };
}

export interface ReplaceContentOptions {
  /** The caller moved the document's annotations onto the new text already: they are not re-anchored by quote. */
  annotationsPlaced?: boolean;
}

/**
 * Rewrites an imported document's content in place (another area changed its text: names
 * replaced by pseudonyms, or that change undone). Each file is written beside itself and
 * renamed over the old one, so a failure leaves the old file whole; an original saved
 * under a new name replaces the old one. Then the library entry takes the new title and
 * the new content's version (so the rewrite travels), the corpus index the new passages, and `library.changed` tells search and the renderer.
 */
export async function replaceImportedContent(context: ImportContext, docId: string, next: ImportedContent, options: ReplaceContentOptions = {}): Promise<void> {
  if (context.workspace.readOnly) throw new WorkbenchError('LOCKED', 'The document cannot be changed: this workspace is open read-only.');
  const record = ImportedDocumentRecordSchema.parse({ ...next.record, originalFile: next.original.file });
  const dir = documentDir(context.workspace.dir, docId);
  const previous = await readImportedDocument(context.workspace.dir, docId);
  const suffix = `.${randomBytes(4).toString('hex')}.tmp`;
  const writes = [path.join(dir, next.original.file), path.join(dir, DOCUMENT_FILE)].map((target) => ({ target }));
  try {
    await fs.writeFile(writes[0]!.target + suffix, next.original.bytes);
    // The same writer as the import's, so the file reads the same way.
    await writeRecordFile(writes[1]!.target + suffix, record);
    for (const write of writes) await fs.rename(write.target + suffix, write.target);
  } catch (error) {
    await Promise.all(writes.map((write) => fs.rm(write.target + suffix, { force: true })));
    throw new WorkbenchError('IO', `“${previous.document.title}” could not be rewritten (${(error as Error).message}). Check the workspace folder is writable and try again.`, { docId });
  }
  if (previous.originalFile !== next.original.file) await fs.rm(path.join(dir, previous.originalFile), { force: true });
  // The library entry names the new content: a new revision, which takes the files to colleagues.
  await context.library.setContent(docId, { title: record.document.title, fileName: record.document.source, content: await folderContentVersion(dir, record.originalFile) });
  context.corpus.addDocument(record.document, record.passages, record.footnotes);
  context.bus.emit('library.changed', { docId, change: 'updated', ...(options.annotationsPlaced ? { annotationsPlaced: true } : {}) });
  context.publish('library.changed', { docId, change: 'updated' });
}
