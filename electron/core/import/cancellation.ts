import { WorkbenchError } from '../api/errors.js';

/** Throws the CANCELLED error if the caller has aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined, fileName: string): void {
  if (signal?.aborted) throw cancelledError(fileName);
}

export function cancelledError(fileName: string): WorkbenchError {
  return new WorkbenchError('CANCELLED', `The import of “${fileName}” was cancelled. Nothing was added to your library.`);
}

/**
 * Lets the event loop breathe between pages so progress messages, cancel requests and
 * other IPC keep flowing when extraction runs on the main process.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
