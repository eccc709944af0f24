import { WorkbenchError } from '../api/errors.js';
import { detectFormat, TEXT_FORMATS, type ImportFormat } from './file-format.js';
import { megabytes, withImportFile } from './open-import-file.js';

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
  const rules = {
    kind: 'file',
    maxBytes,
    headBytes: 64 * 1024,
    emptyHint: ', so there is nothing to import. It may not have finished downloading or copying.',
    tooLargeHint: 'the workbench can import. Split it into smaller files and import those.',
  };
  return withImportFile(filePath, fileName, rules, async ({ handle, size, head }) => {
    const format = detectFormat(fileName, head);
    if (TEXT_FORMATS.has(format) && size > MAX_TEXT_BYTES) {
      throw new WorkbenchError(
        'UNSUPPORTED',
        `“${fileName}” holds ${megabytes(size)} of text, more than the ${megabytes(MAX_TEXT_BYTES)} one document can hold and stay quick to search. ` +
          'Split it into smaller files (for example one per interview or chapter) and import those. Nothing was added to your library.',
        { filePath, limit: MAX_TEXT_BYTES },
      );
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(bytes, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return { bytes: offset === size ? bytes : bytes.subarray(0, offset), format };
  });
}
