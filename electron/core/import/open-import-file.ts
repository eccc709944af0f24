import { open, type FileHandle } from 'node:fs/promises';
import { WorkbenchError } from '../api/errors.js';

export interface OpenedImportFile {
  handle: FileHandle;
  size: number;
  /** The first bytes, which say what the file really is whatever its name. */
  head: Uint8Array;
}

export interface ImportFileRules {
  /** What the user was asked to choose: "file" or "recording". */
  kind: string;
  maxBytes: number;
  headBytes: number;
  /** Why an empty file may be empty, in the user's terms. */
  emptyHint: string;
  /** What to do with a file above `maxBytes`. */
  tooLargeHint: string;
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/**
 * Opens a file chosen for import and refuses, with what to do about it, one that is missing,
 * a folder, empty or too large, before more than its first bytes are read. The handle is
 * closed when `use` is done, whatever happens.
 */
export async function withImportFile<T>(filePath: string, fileName: string, rules: ImportFileRules, use: (file: OpenedImportFile) => Promise<T>): Promise<T> {
  let handle: FileHandle;
  try {
    handle = await open(filePath, 'r');
  } catch {
    throw new WorkbenchError('NOT_FOUND', `“${fileName}” could not be found at ${filePath}. It may have been moved or deleted; choose the file again.`, { filePath });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new WorkbenchError('BAD_REQUEST', `“${fileName}” is a folder, not a file. Choose a ${rules.kind} inside it.`, { filePath });
    if (stat.size === 0) throw new WorkbenchError('CORRUPT', `“${fileName}” is empty (0 bytes)${rules.emptyHint}`, { filePath });
    if (stat.size > rules.maxBytes) {
      throw new WorkbenchError('UNSUPPORTED', `“${fileName}” is ${megabytes(stat.size)}, larger than the ${megabytes(rules.maxBytes)} ${rules.tooLargeHint}`, { filePath });
    }
    const head = new Uint8Array(Math.min(stat.size, rules.headBytes));
    await handle.read(head, 0, head.length, 0);
    return await use({ handle, size: stat.size, head });
  } finally {
    await handle.close();
  }
}
