import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../api/errors.js';
import { cancelledError } from './cancellation.js';
import { TEMP_PREFIX } from './workspace-paths.js';

/**
 * Writes an imported document's folder beside the others under a temporary name and renames
 * it into place, so a document either exists whole or not at all (no ghosts): `fill` puts the
 * files into the temporary folder; a cancel seen before the rename, or any failure, removes it.
 */
export async function saveDocumentFolder(
  root: string,
  docId: string,
  fileName: string,
  signal: AbortSignal | undefined,
  fill: (folder: string) => Promise<void>,
): Promise<void> {
  const temp = path.join(root, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
  try {
    await fs.mkdir(temp);
    await fill(temp);
    // The last moment to back out: after the rename the document exists.
    if (signal?.aborted) throw cancelledError(fileName);
    await fs.rename(temp, path.join(root, docId));
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true });
    if (error instanceof WorkbenchError) throw error;
    throw new WorkbenchError('IO', `“${fileName}” could not be saved into the workspace (${(error as Error).message}). Check that the disk has space and the workspace folder is writable, then try again.`, { fileName });
  }
}
