import { api, ApiError } from '../api/client';
import type { ImportResult } from '../../../electron/core/api/methods/import';
import type { ImportSource } from './import-job';
import { MAX_DROPPED_BYTES, readFileAsBase64 } from './read-file-base64';

export interface AttemptOptions {
  password?: string;
  onDuplicate?: 'ask' | 'import-again' | 'skip';
}

/**
 * One try at importing a source: a path goes to `import.file`, a File's bytes to
 * `import.bytes`. The bytes are read once per job and kept for retries (a password, a
 * duplicate answered "import again").
 */
export function createAttempt(source: ImportSource, jobId: string): (options: AttemptOptions) => Promise<ImportResult> {
  let bytes: Promise<string> | undefined;
  let transcriptBytes: Promise<string> | undefined;
  return async (options) => {
    if (source.kind === 'path') return api.invoke('import.file', { path: source.path, ...(source.transcript ? { transcript: source.transcript } : {}), jobId, ...options });
    const { file, transcript } = source;
    checkDroppable(file);
    if (transcript) checkDroppable(transcript);
    bytes ??= readFileAsBase64(file);
    if (transcript) transcriptBytes ??= readFileAsBase64(transcript);
    const withTranscript = transcript && transcriptBytes ? { transcript: { fileName: transcript.name, base64: await transcriptBytes } } : {};
    return api.invoke('import.bytes', { fileName: file.name, base64: await bytes, ...withTranscript, jobId, ...options });
  };
}

function checkDroppable(file: File): void {
  if (file.size === 0) throw new ApiError('CORRUPT', `“${file.name}” is empty (0 bytes), so there is nothing to import.`);
  if (file.size > MAX_DROPPED_BYTES) {
    throw new ApiError('UNSUPPORTED', `“${file.name}” is larger than the ${MAX_DROPPED_BYTES / 1024 / 1024} MB that can be dropped. Use the Import button in the desktop app to choose it from disk.`);
  }
}
