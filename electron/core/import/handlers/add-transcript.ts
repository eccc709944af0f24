import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../api/errors.js';
import { ImportedDocumentRecordSchema, type ImportedDocumentRecord } from '../document-record.js';
import { readRecordingInWorker } from '../extract-in-workers.js';
import { readImportedDocument } from '../manage-imported.js';
import { folderContentVersion } from '../content-hash.js';
import type { ImportResult } from '../methods.js';
import { MAX_TEXT_BYTES } from '../read-candidate.js';
import type { RunImportOptions } from './run-import.js';
import { DOCUMENT_FILE, documentDir } from '../workspace-paths.js';
import type { ImportContext } from './import-context.js';

/**
 * Gives a recording imported on its own the transcript written for it since. The transcript
 * is read and checked against the recording's length exactly as at import; the new
 * `document.json` is written beside the old one and renamed over it, so a failure changes
 * nothing. A recording that already has a transcript is refused: its passages may carry
 * annotations, which a new transcript would leave without their text.
 */
export async function addTranscript(context: ImportContext, docId: string, transcriptPath: string, transcriptFileName: string, options: RunImportOptions): Promise<ImportResult> {
  if (context.workspace.readOnly) throw new WorkbenchError('LOCKED', `“${transcriptFileName}” cannot be added: this workspace is open read-only.`);
  if (!context.library.has(docId)) throw new WorkbenchError('NOT_FOUND', `There is no imported document ${docId} in this workspace.`, { docId });
  const record = await readImportedDocument(context.workspace.dir, docId);
  const media = record.document.media;
  if (!media) {
    throw new WorkbenchError('BAD_REQUEST', `“${record.document.title}” is not a recording, so it takes no transcript. Import “${transcriptFileName}” on its own instead.`, { docId });
  }
  if (record.passages.length > 0) {
    throw new WorkbenchError(
      'CONFLICT',
      `“${record.document.title}” already has a transcript (${record.passages.length} passages). To use another one, import the recording again with “${transcriptFileName}”.`,
      { docId },
    );
  }
  const stat = await fs.stat(transcriptPath).catch(() => undefined);
  if (!stat?.isFile()) throw new WorkbenchError('NOT_FOUND', `The transcript “${transcriptFileName}” could not be found. Choose it again.`);
  if (stat.size === 0 || stat.size > MAX_TEXT_BYTES) {
    throw new WorkbenchError(stat.size === 0 ? 'CORRUPT' : 'UNSUPPORTED', `The transcript “${transcriptFileName}” is ${stat.size === 0 ? 'empty' : `larger than ${MAX_TEXT_BYTES / 1024 ** 2} MB`}.`);
  }
  const bytes = new Uint8Array(await fs.readFile(transcriptPath));
  const folder = documentDir(context.workspace.dir, docId);
  const read = await readRecordingInWorker(
    { mediaPath: path.join(folder, media.file), mediaFileName: record.document.source, transcript: { bytes: bytes.slice(), fileName: transcriptFileName } },
    { fileName: transcriptFileName, ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}) },
  );
  const transcriptFile = `transcript.${read.transcriptFormat}`;
  const passages = read.passages.map((p) => ({
    id: `${docId}-p${p.order}`,
    docId,
    sectionPath: p.sectionPath,
    kind: p.kind,
    text: p.text,
    page: p.page,
    order: p.order,
    footnoteRefs: p.footnoteRefs,
    links: [],
    backMatter: false,
    ...(p.level === undefined ? {} : { level: p.level }),
    ...(p.speaker === undefined ? {} : { speaker: p.speaker }),
    ...(p.start === undefined || p.end === undefined ? {} : { start: p.start, end: p.end }),
  }));
  const { note: _formerNote, ...document } = record.document;
  const updated: ImportedDocumentRecord = ImportedDocumentRecordSchema.parse({
    ...record,
    document: { ...document, media: { ...media, transcriptFile }, ...(read.warnings.length > 0 ? { note: read.warnings.join(' ') } : {}) },
    passages,
  });
  const file = path.join(folder, DOCUMENT_FILE);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(path.join(folder, transcriptFile), bytes);
    await fs.writeFile(temp, JSON.stringify(updated));
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    await fs.rm(path.join(folder, transcriptFile), { force: true });
    throw new WorkbenchError('IO', `The transcript could not be saved (${(error as Error).message}). Check the workspace folder is writable and try again.`, { docId });
  }
  // A new content version of the library entry, so the transcript reaches colleagues who have the recording.
  await context.library.setContent(docId, { title: updated.document.title, fileName: updated.document.source, content: await folderContentVersion(folder, updated.originalFile) });
  context.corpus.addDocument(updated.document, updated.passages, updated.footnotes);
  context.bus.emit('library.changed', { docId, change: 'updated' });
  context.publish('library.changed', { docId, change: 'updated' });
  return {
    jobId: '',
    status: 'imported',
    documentId: docId,
    title: updated.document.title,
    pages: updated.document.pageCount,
    passages: passages.length,
    hasTextLayer: true,
    ocrPages: [],
    duration: media.duration,
    ...(read.warnings.length > 0 ? { warnings: read.warnings } : {}),
  };
}
