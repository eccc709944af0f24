/**
 * Worker threads the core starts, as build entries. Each is built beside the bundle that
 * starts it (out/main for the app, out/cli for the CLI) under the name given here, because
 * the core finds its workers relative to its own compiled module (`new URL('./worker.js',
 * import.meta.url)`). Add a worker here and both builds include it.
 */
export const coreWorkerEntries: Record<string, string> = {
  worker: 'electron/core/import/worker.ts',
  'team-bundle-worker': 'electron/core/team/team-bundle-worker.ts',
  'exchange-worker': 'electron/core/exchange/exchange-worker.ts',
};

/**
 * Plain scripts a worker starts by path, copied beside the bundles as they are: the thread
 * tesseract.js runs OCR on, with the network refused (the core finds it as
 * `./offline-tesseract-worker.cjs` beside its compiled module).
 */
export const coreWorkerScripts: Record<string, string> = {
  'offline-tesseract-worker.cjs': 'electron/core/import/ocr/offline-tesseract-worker.cjs',
};
