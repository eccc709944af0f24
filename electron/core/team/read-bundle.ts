import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { WorkbenchError } from '../api/errors';
import { startLimitedWorker, type WorkerBudget } from '../workers/limited-worker';
import { siblingEntry } from '../workers/worker-entry';
import { MAX_BUNDLE_BYTES, type ParsedBundle } from './bundle-format';

/** A bundle of 100,000 records parses in seconds; its JSON takes a few times its size in heap. */
const BUNDLE_BUDGET: WorkerBudget = { heapMb: 2048, idleMs: 2 * 60_000, totalMs: 10 * 60_000 };

/** Reads a bundle file and parses it on a limited worker thread. `workerUrl`: the built worker (the app's bundle). */
export async function readBundle(file: string, options: { workerUrl?: URL } = {}): Promise<ParsedBundle> {
  const fileName = basename(file);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new WorkbenchError(error.code === 'ENOENT' ? 'NOT_FOUND' : 'IO', `The bundle “${file}” could not be read (${error.code ?? error.message}).`, { file });
  });
  if (!info.isFile()) throw new WorkbenchError('BAD_REQUEST', `“${file}” is not a file: give the path of an exchange bundle (.fwx).`, { file });
  if (info.size > MAX_BUNDLE_BYTES) throw new WorkbenchError('BAD_REQUEST', `“${fileName}” is larger than an exchange bundle can be (1 GB).`, { file });
  const bytes = new Uint8Array(await readFile(file));
  return startLimitedWorker<ParsedBundle>({
    entry: siblingEntry(import.meta.url, 'team-bundle-worker', options.workerUrl),
    task: 'parse-bundle',
    input: { bytes, fileName },
    transfer: [bytes.buffer as ArrayBuffer],
    budget: BUNDLE_BUDGET,
    fileName,
    cancelledError: () => new WorkbenchError('CANCELLED', `Reading “${fileName}” was cancelled.`),
  }).result;
}
