import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../methods.js';
import { WorkbenchError } from '../../api/errors.js';

/**
 * Writes bytes sent by the renderer (a dropped file) to a private temp folder under the
 * user's own file name, runs `work` on that path, and removes the folder whatever happens:
 * the import copies what it keeps into the workspace.
 */
export async function withBytesAsFile<T>(fileName: string, base64: string, work: (filePath: string) => Promise<T>): Promise<T> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.byteLength === 0) {
    throw new WorkbenchError('CORRUPT', `“${fileName}” is empty (0 bytes), so there is nothing to import.`);
  }
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new WorkbenchError('UNSUPPORTED', `“${fileName}” is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB that can be imported this way. Use the Import button to choose it from disk instead.`);
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'workbench-drop-'));
  try {
    // The name was checked to hold no folders; basename makes sure of it once more.
    const filePath = path.join(dir, path.basename(fileName));
    await fs.writeFile(filePath, bytes);
    return await work(filePath);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
