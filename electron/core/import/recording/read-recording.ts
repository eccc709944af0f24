import path from 'node:path';
import { WorkbenchError } from '../../api/errors.js';
import { decodeTextOrRefuse, detectFormat } from '../file-format.js';
import { guessLanguage } from '../language.js';
import { textMetadata } from '../metadata/index.js';
import type { ImportedMetadata } from '../metadata/types.js';
import type { ExtractedMetadata } from '../types.js';
import { parseCueTranscript, type TimedTranscript } from './cue-transcript.js';
import { fitToMedia } from './fit-to-media.js';
import { readMediaInfo, type MediaInfo } from './media-info.js';
import { readTextTranscript, timeStampedTurns } from './stamped-transcript.js';

export type TranscriptFormat = 'vtt' | 'srt' | 'txt' | 'md' | 'docx';

export interface TranscriptInput {
  bytes: Uint8Array;
  fileName: string;
}

export interface RecordingTaskInput {
  mediaPath: string;
  mediaFileName: string;
  transcript?: TranscriptInput;
}

/** What reading a recording and its transcript gives, before the document has an id. */
export interface RecordingExtraction extends TimedTranscript {
  media: MediaInfo;
  metadata: ExtractedMetadata;
  transcriptFormat?: TranscriptFormat;
}

export const TRANSCRIPT_EXTENSIONS = ['.vtt', '.srt', '.txt', '.md', '.docx'] as const;

/** The transcript's format: WebVTT and SRT by name, the rest by content as any import. */
export function transcriptFormat(fileName: string, head: Uint8Array): TranscriptFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.vtt') return 'vtt';
  if (ext === '.srt') return 'srt';
  const format = ext === '.txt' || ext === '.md' || ext === '.markdown' || ext === '.text' || ext === '.docx' ? detectFormat(fileName, head) : undefined;
  if (format === 'txt' || format === 'md' || format === 'docx') return format;
  throw new WorkbenchError(
    'UNSUPPORTED',
    `“${fileName}” is not a transcript the workbench reads. Give a WebVTT (.vtt), SubRip (.srt), text (.txt), Markdown (.md) or Word (.docx) transcript.`,
    { fileName },
  );
}

/**
 * Reads a recording (its length and codec, from its headers) and its transcript (parsed and
 * timed, checked against the recording's length). Runs on a worker thread: nothing a file
 * holds is parsed on the core's thread.
 */
export async function readRecording(input: RecordingTaskInput): Promise<RecordingExtraction> {
  const media = await readMediaInfo(input.mediaPath, input.mediaFileName);
  if (!input.transcript) {
    return { media, passages: [], speakers: [], warnings: [], metadata: withLanguage(textMetadata({}, undefined, input.mediaFileName), '') };
  }
  const { bytes, fileName } = input.transcript;
  const format = transcriptFormat(fileName, bytes.subarray(0, 64 * 1024));
  let timed: TimedTranscript;
  let metadata: ImportedMetadata;
  if (format === 'vtt' || format === 'srt') {
    timed = await parseCueTranscript(decodeTextOrRefuse(bytes, fileName), format, fileName);
    metadata = textMetadata({}, undefined, input.mediaFileName);
  } else {
    const read = await readTextTranscript(bytes, format, fileName);
    timed = timeStampedTurns(read.parsed, media.duration, fileName);
    // The recording names the document unless the transcript gives a title of its own.
    metadata = read.metadata.provenance.title?.source === 'file-name' ? textMetadata({}, undefined, input.mediaFileName) : read.metadata;
  }
  const fitted = fitToMedia(timed, media.duration, { media: input.mediaFileName, transcript: fileName });
  return { ...fitted, media, metadata: withLanguage(metadata, fitted.passages.slice(0, 200).map((p) => p.text).join(' ')), transcriptFormat: format };
}

function withLanguage(metadata: ImportedMetadata, sample: string): ExtractedMetadata {
  return { ...metadata, language: sample ? guessLanguage(sample) : 'en' };
}
