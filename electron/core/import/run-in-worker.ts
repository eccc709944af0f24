import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WorkbenchError } from '../api/errors.js';
import { cancelledError } from './cancellation.js';
import type { ExtractPdfOptions, PdfExtraction } from './types.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

export interface WorkerOptions {
  /**
   * The worker entry. By default the sibling `worker.ts` (run through tsx, as in tests and
   * the CLI) or `worker.js` (when this module itself was compiled). A bundled app must
   * build `electron/core/import/worker.ts` as its own entry and pass its URL here.
   */
  workerUrl?: URL;
}

/**
 * When running from TypeScript sources (vitest, the CLI through tsx), a worker does not
 * inherit tsx's loader, so a tiny bootstrap registers tsx in the worker and then imports
 * the real entry.
 */
function tsxEsmApiPath(): string {
  // require.resolve would pick tsx's CommonJS build; the worker needs its ESM entry.
  const packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return path.join(path.dirname(packageJson), manifest.exports['./esm/api']!.import.default);
}

function startWorker(workerUrl: URL | undefined): Worker {
  if (workerUrl) return new Worker(workerUrl);
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const tsxApi = pathToFileURL(tsxEsmApiPath()).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * `extractPdf` on a worker thread, with the same signature (so it can be passed to
 * `importFile` as `pdfExtractor`). Progress arrives as messages; cancelling ends the
 * worker at once, whatever page it is on.
 */
export function runExtractionInWorker(bytes: Uint8Array, options: ExtractPdfOptions & WorkerOptions): Promise<PdfExtraction> {
  const { fileName, signal } = options;
  if (signal?.aborted) return Promise.reject(cancelledError(fileName));
  const worker = startWorker(options.workerUrl);

  return new Promise<PdfExtraction>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = () => finish(() => reject(cancelledError(fileName)));
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') options.onProgress?.(message.page, message.total);
      else if (message.type === 'done') finish(() => resolve(message.extraction));
      else finish(() => reject(new WorkbenchError(message.error.code, message.error.message, message.error.details)));
    });
    worker.on('error', (error) =>
      finish(() => reject(new WorkbenchError('INTERNAL', `Reading “${fileName}” failed unexpectedly (${error.message}). Try the import again.`))),
    );
    worker.on('exit', (code) => {
      if (!settled) finish(() => reject(new WorkbenchError('INTERNAL', `Reading “${fileName}” stopped unexpectedly (exit code ${code}). Try the import again.`)));
    });
    // A copy goes to the worker; the caller's bytes stay usable.
    const request: ToWorker = { type: 'extract', bytes: bytes.slice(), fileName, ...(options.password === undefined ? {} : { password: options.password }) };
    worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
  });
}
