import type { ImportResult } from '../../../electron/core/api/methods/import';
import type { ErrorCode } from '../../../electron/common/api/errors';

/**
 * Where a file to import comes from: a path from the desktop app's file dialog, or a File
 * the browser handed over (drag and drop, the file input). A sandboxed renderer cannot
 * learn a File's path, so those travel as bytes. A recording may carry its transcript (paired
 * by name, see pair-recordings.ts).
 */
export type ImportSource = { kind: 'path'; path: string; transcript?: string } | { kind: 'file'; file: File; transcript?: File };

export type JobStatus = 'waiting' | 'running' | 'imported' | 'skipped' | 'failed' | 'cancelled';

export interface ImportJob {
  id: string;
  fileName: string;
  source: ImportSource;
  status: JobStatus;
  stage?: 'reading' | 'extracting' | 'recognising' | 'saving';
  /** Set while the import waits for the user to answer a question about this file. */
  asking?: 'password' | 'duplicate';
  page: number;
  total: number;
  result?: ImportResult;
  error?: { code: ErrorCode; message: string };
}

/** A question the import cannot answer itself; the dialog resolves it. */
export type ImportQuestion =
  | { kind: 'password'; jobId: string; fileName: string; wrongPassword: boolean; message: string }
  | { kind: 'duplicate'; jobId: string; fileName: string; message: string };

export type PasswordAnswer = { password: string } | { skip: true };
export type DuplicateAnswer = 'import-again' | 'skip';

let counter = 0;
/** Ids the renderer chooses, so it can cancel an import while the call is still running. */
export function newJobId(): string {
  counter += 1;
  return `job-${Date.now().toString(36)}-${counter}`;
}

export function fileNameOf(source: ImportSource): string {
  const name = (path: string) => path.split(/[\\/]/).pop() || path;
  const own = source.kind === 'file' ? source.file.name : name(source.path);
  const transcript = source.kind === 'file' ? source.transcript?.name : source.transcript && name(source.transcript);
  return transcript ? `${own} + ${transcript}` : own;
}

export function isFinished(job: ImportJob): boolean {
  return job.status !== 'waiting' && job.status !== 'running';
}
