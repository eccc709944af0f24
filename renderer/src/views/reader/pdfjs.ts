import { GlobalWorkerOptions, getDocument, PDFWorker, VerbosityLevel } from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * pdf.js set up to use only what ships with the app: the worker is a file of the build
 * (allowed by `worker-src 'self'`), and character maps, standard fonts and decoders come
 * from `pdfjs/` beside index.html (copied there by renderer/vite.config.ts). Nothing is
 * fetched from anywhere else, and nothing is evaluated from strings (the CSP forbids it).
 */
GlobalWorkerOptions.workerSrc = workerUrl;

function assetFolder(name: string): string {
  return new URL(`pdfjs/${name}/`, document.baseURI).href;
}

/** One worker for the app's life: starting pdf.js's worker costs more than opening a paper. */
let sharedWorker: PDFWorker | undefined;

export function openPdf(url: string, password?: string): { promise: Promise<PDFDocumentProxy>; destroy: () => Promise<void> } {
  sharedWorker ??= new PDFWorker();
  const task = getDocument({
    worker: sharedWorker,
    url: new URL(url, document.baseURI).href,
    cMapUrl: assetFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetFolder('standard_fonts'),
    wasmUrl: assetFolder('wasm'),
    iccUrl: assetFolder('iccs'),
    isEvalSupported: false,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
    ...(password ? { password } : {}),
  });
  return { promise: task.promise, destroy: () => task.destroy() };
}

export type { PDFDocumentProxy };
