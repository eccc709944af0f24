import { parentPort } from 'node:worker_threads';
import { toSerializedError } from '../api/errors.js';
import { extractPdf } from './pdf/extract-pdf.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/**
 * worker_threads entry: runs PDF extraction off the main process's thread, so a 300-page
 * import never stalls IPC or window events. One extraction per worker; the parent ends
 * the worker when it is done or cancelled.
 */
const port = parentPort;
if (!port) throw new Error('worker.ts must be started as a worker thread');

const controller = new AbortController();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    controller.abort();
    return;
  }
  extractPdf(message.bytes, {
    fileName: message.fileName,
    ...(message.password === undefined ? {} : { password: message.password }),
    signal: controller.signal,
    onProgress: (page, total) => send({ type: 'progress', page, total }),
  }).then(
    (extraction) => send({ type: 'done', extraction }),
    (error: unknown) => send({ type: 'failed', error: toSerializedError(error) }),
  );
});
