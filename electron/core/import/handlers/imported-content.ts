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
  /**
   * A recording's transcript file as it was given (`media.transcriptFile`); the original is
   * then the recording itself. Absent in a replacement: the transcript file is left as it is.
   */
  transcript?: { file: string; bytes: Buffer };
}

export async function readImportedContent(context: ImportContext, docId: string): Promise<ImportedContent> {
  if (!context.library.has(docId)) {
    throw new WorkbenchError('NOT_FOUND', `There is no imported document ${docId} in this workspace. Run \`workbench documents\` to see the ids.`, { docId });
  }
  const record = await readImportedDocument(context.workspace.dir, docId);
  const dir = documentDir(context.workspace.dir, docId);
  const bytes = await fs.readFile(path.join(dir, record.originalFile));
  const transcriptFile = record.document.media?.transcriptFile;
  const transcript = transcriptFile === undefined ? undefined : await fs.readFile(path.join(dir, transcriptFile)).catch(() => undefined);
  return { record, original: { file: record.originalFile, bytes }, ...(transcriptFile && transcript ? { transcript: { file: transcriptFile, bytes: transcript } } : {}) };
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
  const writes = [
    { target: path.join(dir, next.original.file), bytes: next.original.bytes },
    ...(next.transcript ? [{ target: path.join(dir, next.transcript.file), bytes: next.transcript.bytes }] : []),
    { target: path.join(dir, DOCUMENT_FILE) },
  ];
  try {
    for (const write of writes) {
      if (write.bytes) await fs.writeFile(write.target + suffix, write.bytes);
      // The same writer as the import's, so the file reads the same way.
      else await writeRecordFile(write.target + suffix, record);
    }
    for (const write of writes) await fs.rename(write.target + suffix, write.target);
  } catch (error) {
    await Promise.all(writes.map((write) => fs.rm(write.target + suffix, { force: true })));
    throw new WorkbenchError('IO', `“${previous.document.title}” could not be rewritten (${(error as Error).message}). Check the workspace folder is writable and try again.`, { docId });
  }
  if (previous.originalFile !== next.original.file) await fs.rm(path.join(dir, previous.originalFile), { force: true });
  const previousTranscript = previous.document.media?.transcriptFile;
  if (next.transcript && previousTranscript && previousTranscript !== next.transcript.file) await fs.rm(path.join(dir, previousTranscript), { force: true });
  // The library entry names the new content: a new revision, which takes the files to colleagues.
  await context.library.setContent(docId, { title: record.document.title, fileName: record.document.source, content: await folderContentVersion(dir, record.originalFile) });
  context.corpus.addDocument(record.document, record.passages, record.footnotes);
  context.bus.emit('library.changed', { docId, change: 'updated', ...(options.annotationsPlaced ? { annotationsPlaced: true } : {}) });
  context.publish('library.changed', { docId, change: 'updated' });
}
