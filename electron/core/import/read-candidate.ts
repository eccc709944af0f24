import { promises as fs } from 'node:fs';
import { WorkbenchError } from '../api/errors.js';
import { detectFormat, TEXT_FORMATS, type ImportFormat } from './file-format.js';

/** Any file larger than this is refused before it is read. */
export const DEFAULT_MAX_BYTES = 1024 ** 3;

/**
 * Text beyond this is more than one document can hold and stay quick to search: a lunr index
 * over 16 MB of text takes about 15 s to build on a laptop core, and searching it stays
 * within a few tens of milliseconds (see the import rows of `npm run bench`).
 */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

export interface Candidate {
  bytes: Uint8Array;
  format: ImportFormat;
}

/**
 * Reads a file to import: it must exist, be a file, not be empty, be of a format we read
 * (decided from its first bytes), and be within that format's size limit, which is checked
 * before the rest is read.
 */
export async function readCandidate(filePath: string, fileName: string, maxBytes: number): Promise<Candidate> {
  let handle;
  try {
    handle = await fs.open(filePath, 'r');
  } catch {
    throw new WorkbenchError('NOT_FOUND', `“${fileName}” could not be found at ${filePath}. It may have been moved or deleted; choose the file again.`, { filePath });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new WorkbenchError('BAD_REQUEST', `“${fileName}” is a folder, not a file. Choose a file inside it.`, { filePath });
    if (stat.size === 0) throw new WorkbenchError('CORRUPT', `“${fileName}” is empty (0 bytes), so there is nothing to import. It may not have finished downloading or copying.`, { filePath });
    if (stat.size > maxBytes) {
      throw new WorkbenchError('UNSUPPORTED', `“${fileName}” is ${megabytes(stat.size)}, larger than the ${megabytes(maxBytes)} the workbench can import. Split it into smaller files and import those.`, { filePath });
    }
    const head = new Uint8Array(Math.min(stat.size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    const format = detectFormat(fileName, head);
    if (TEXT_FORMATS.has(format) && stat.size > MAX_TEXT_BYTES) {
      throw new WorkbenchError(
        'UNSUPPORTED',
        `“${fileName}” holds ${megabytes(stat.size)} of text, more than the ${megabytes(MAX_TEXT_BYTES)} one document can hold and stay quick to search. ` +
          'Split it into smaller files (for example one per interview or chapter) and import those. Nothing was added to your library.',
        { filePath, limit: MAX_TEXT_BYTES },
      );
    }
    const bytes = new Uint8Array(stat.size);
    let offset = 0;
    while (offset < stat.size) {
      const { bytesRead } = await handle.read(bytes, offset, stat.size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return { bytes: offset === stat.size ? bytes : bytes.subarray(0, offset), format };
  } finally {
    await handle.close();
  }
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
