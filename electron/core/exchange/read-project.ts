import { open } from 'node:fs/promises';
import { WorkbenchError } from '../api/errors';
import { startLimitedWorker, type WorkerBudget } from '../workers/limited-worker';
import { siblingEntry } from '../workers/worker-entry';
import type { ParsedProject } from './project-format';

/** A project of a few hundred interviews parses in seconds; its XML DOM takes several times its size in heap. */
const PROJECT_BUDGET: WorkerBudget = { heapMb: 1024, idleMs: 60_000, totalMs: 5 * 60_000 };
/** Larger than any project of text; recordings make projects large, and we skip them anyway. */
export const MAX_QDPX_BYTES = 1024 ** 3;
const MAX_QDC_BYTES = 32 * 1024 * 1024;

/** Reads a `.qdpx` or `.qdc` file and parses it on a limited worker thread. */
export async function readProject(filePath: string, fileName: string, options: { workerUrl?: URL } = {}): Promise<ParsedProject> {
  const format = /\.qdc$/i.test(fileName) ? 'qdc' : 'qdpx';
  const bytes = await readWhole(filePath, fileName, format === 'qdc' ? MAX_QDC_BYTES : MAX_QDPX_BYTES);
  if (format === 'qdpx' && !(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new WorkbenchError('CORRUPT', `“${fileName}” is named like a REFI-QDA project (.qdpx) but is not a zip file. It may be damaged; export the project again.`, { fileName });
  }
  return startLimitedWorker<ParsedProject>({
    entry: siblingEntry(import.meta.url, 'exchange-worker', options.workerUrl),
    task: format === 'qdc' ? 'parse-qdc' : 'parse-qdpx',
    input: { bytes, fileName },
    transfer: [bytes.buffer as ArrayBuffer],
    budget: PROJECT_BUDGET,
    fileName,
    cancelledError: () => new WorkbenchError('CANCELLED', `Reading “${fileName}” was cancelled.`),
  }).result;
}

async function readWhole(filePath: string, fileName: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(filePath, 'r').catch(() => {
    throw new WorkbenchError('NOT_FOUND', `“${fileName}” could not be found at ${filePath}. It may have been moved or deleted; choose the file again.`, { filePath });
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new WorkbenchError('BAD_REQUEST', `“${fileName}” is a folder, not a file.`, { filePath });
    if (info.size === 0) throw new WorkbenchError('CORRUPT', `“${fileName}” is empty (0 bytes): there is nothing to import.`, { filePath });
    if (info.size > maxBytes) throw new WorkbenchError('UNSUPPORTED', `“${fileName}” is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB the workbench reads.`, { filePath });
    const bytes = new Uint8Array(info.size);
    let offset = 0;
    while (offset < info.size) {
      const { bytesRead } = await handle.read(bytes, offset, info.size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}
