/** pdf.js's worker half ships without typings; only its presence matters to us. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
