import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../api/errors.js';
import { throwIfCancelled } from '../cancellation.js';
import type { Extraction } from '../extract-any.js';
import { readRecordingInWorker } from '../extract-in-workers.js';
import { buildRecord, checkedRecord, freeDocumentId, type DuplicatePolicy, type ImportedFile, type ImportProgress, type SkippedFile } from '../import-file.js';
import { MAX_TEXT_BYTES } from '../read-candidate.js';
import { withImportFile } from '../open-import-file.js';
import { writeRecordFile } from '../record-files.js';
import { saveDocumentFolder } from '../document-folder.js';
import { DOCUMENT_FILE, documentsDir } from '../workspace-paths.js';
import { detectMediaContainer, mediaExtension, mimeTypeFor } from './media-format.js';
import type { RecordingExtraction, RecordingTaskInput } from './read-recording.js';

/** Recordings are large: a 2-hour WAV is over a gigabyte. */
export const MAX_MEDIA_BYTES = 4 * 1024 ** 3;

export interface ImportRecordingOptions {
  /** The name the user knows the recording by (a dropped file is saved under a temp name). */
  fileName?: string;
  transcriptPath?: string;
  transcriptFileName?: string;
  onProgress?(progress: ImportProgress): void;
  signal?: AbortSignal;
  onDuplicate?: DuplicatePolicy;
  existingHashes?: Record<string, string>;
  maxBytes?: number;
  /** How the recording and transcript are read. Default: on a worker thread with limits. */
  reader?: (input: RecordingTaskInput, options: { fileName: string; signal?: AbortSignal }) => Promise<RecordingExtraction>;
}

export type RecordingOutcome = (ImportedFile & { warnings: string[] }) | SkippedFile;

/**
 * Imports a recording, with its transcript if one is given, as one transaction, the way
 * `importFile` imports any file: the recording's bytes must say it is audio or video, its
 * headers give its length and codec (refused if the player cannot play it), the transcript
 * is parsed and checked against that length, all before anything is written; then the
 * document folder (`media.<ext>`, `transcript.<ext>`, `document.json`) is built under a
 * temporary name and renamed into place. A failure leaves nothing.
 */
export async function importRecording(workspaceDir: string, mediaPath: string, options: ImportRecordingOptions = {}): Promise<RecordingOutcome> {
  const fileName = options.fileName ?? path.basename(mediaPath);
  const { signal } = options;
  options.onProgress?.({ stage: 'reading' });
  const { container, size } = await checkMediaFile(mediaPath, fileName, options.maxBytes ?? MAX_MEDIA_BYTES);
  const transcriptFileName = options.transcriptFileName ?? (options.transcriptPath ? path.basename(options.transcriptPath) : undefined);
  const transcriptBytes = options.transcriptPath ? await readTranscriptFile(options.transcriptPath, transcriptFileName!) : undefined;
  const contentHash = await hashRecording(mediaPath, transcriptBytes);
  throwIfCancelled(signal, fileName);

  options.onProgress?.({ stage: 'extracting' });
  const read = options.reader ?? readRecordingInWorker;
  const extraction = await read(
    { mediaPath, mediaFileName: fileName, ...(transcriptBytes ? { transcript: { bytes: transcriptBytes.slice(), fileName: transcriptFileName! } } : {}) },
    { fileName, ...(signal ? { signal } : {}) },
  );
  throwIfCancelled(signal, fileName);

  const existingId = options.existingHashes?.[contentHash];
  const policy = options.onDuplicate ?? 'ask';
  if (existingId && policy === 'skip') return { status: 'skipped', existingDocumentId: existingId, contentHash };
  if (existingId && policy === 'ask') {
    throw new WorkbenchError(
      'CONFLICT',
      `“${fileName}” is already in your library (the same recording${transcriptBytes ? ' and transcript were' : ' was'} imported before). Open the existing copy, or choose to import it again as a separate document.`,
      { existingDocumentId: existingId, contentHash },
    );
  }

  options.onProgress?.({ stage: 'saving' });
  const root = documentsDir(workspaceDir);
  await fs.mkdir(root, { recursive: true });
  const docId = await freeDocumentId(root, contentHash, new Set(Object.values(options.existingHashes ?? {})));
  const extension = mediaExtension(container, fileName);
  const mediaFile = `media.${extension}`;
  const transcriptFile = extraction.transcriptFormat ? `transcript.${extraction.transcriptFormat}` : undefined;
  const built = buildRecord(asExtraction(extraction), { docId, fileName, contentHash, originalFile: mediaFile });
  const record = checkedRecord(
    {
      ...built,
      document: {
        ...built.document,
        media: {
          file: mediaFile,
          mimeType: mimeTypeFor(extension, extraction.media.video),
          duration: extraction.media.duration,
          container: extraction.media.container,
          codec: extraction.media.codec,
          video: extraction.media.video,
          ...(transcriptFile ? { transcriptFile } : {}),
        },
      },
    },
    fileName,
  );

  await saveDocumentFolder(root, docId, fileName, signal, async (folder) => {
    // Copied, not read: a recording can be far larger than anything worth holding in memory.
    await fs.copyFile(mediaPath, path.join(folder, mediaFile));
    const copied = await fs.stat(path.join(folder, mediaFile));
    if (copied.size !== size) throw new Error(`the copy has ${copied.size} bytes, the recording ${size}; it changed while it was imported`);
    if (transcriptBytes && transcriptFile) await fs.writeFile(path.join(folder, transcriptFile), transcriptBytes);
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
    ocrPages: [],
    warnings: extraction.warnings,
  };
}

/** A recording's extraction in the shape every import's record is built from. */
function asExtraction(recording: RecordingExtraction): Extraction {
  const notes = [...recording.warnings];
  if (!recording.transcriptFormat) notes.unshift('A recording without a transcript: add one with “Add transcript…” in the document’s info, or import the recording again with its transcript.');
  return {
    origin: 'imported-transcript',
    kind: 'transcript',
    metadata: recording.metadata,
    pageCount: 1,
    // There is no page image to lack a text layer; the transcript is the text.
    hasTextLayer: true,
    passages: recording.passages,
    footnotes: [],
    unreadablePages: [],
    ocrPages: [],
    ocrLanguages: [],
    textLayers: [],
    ...(notes.length > 0 ? { description: notes.join(' ') } : {}),
  };
}

function checkMediaFile(filePath: string, fileName: string, maxBytes: number): Promise<{ container: ReturnType<typeof detectMediaContainer>; size: number }> {
  const rules = {
    kind: 'recording',
    maxBytes,
    headBytes: 4096,
    emptyHint: '. It may not have finished copying from the recorder.',
    tooLargeHint: 'the workbench imports. Save it in a compressed format (MP3, M4A or Ogg) and import that.',
  };
  return withImportFile(filePath, fileName, rules, async ({ size, head }) => ({ container: detectMediaContainer(fileName, head), size }));
}

async function readTranscriptFile(filePath: string, fileName: string): Promise<Uint8Array> {
  const stat = await fs.stat(filePath).catch(() => undefined);
  if (!stat) throw new WorkbenchError('NOT_FOUND', `The transcript “${fileName}” could not be found at ${filePath}. Choose it again.`, { filePath });
  if (!stat.isFile()) throw new WorkbenchError('BAD_REQUEST', `The transcript “${fileName}” is a folder, not a file.`, { filePath });
  if (stat.size === 0) throw new WorkbenchError('CORRUPT', `The transcript “${fileName}” is empty (0 bytes): there is nothing to import. Leave it out to import the recording alone.`, { filePath });
  if (stat.size > MAX_TEXT_BYTES) {
    throw new WorkbenchError('UNSUPPORTED', `The transcript “${fileName}” is ${Math.round(stat.size / 1024 ** 2)} MB, more than the ${MAX_TEXT_BYTES / 1024 ** 2} MB one document holds. Split the recording and its transcript into parts.`, { filePath });
  }
  return new Uint8Array(await fs.readFile(filePath));
}

/** The pair's identity: the recording (streamed) and the transcript. */
async function hashRecording(mediaPath: string, transcript: Uint8Array | undefined): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(mediaPath, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  if (transcript) hash.update(transcript);
  return hash.digest('hex');
}
