import type { SerializedError } from '../api/errors.js';

/**
 * Messages between a limited worker and the thread that started it. One task at a time (a
 * kept worker, see `IdleWorkers`, runs the next after the last ended): `run` starts it; `note` carries anything task-specific both ways (a page range to read,
 * pages read by a helper); the worker answers with progress, then `done` or `failed`;
 * `exit` asks the worker to end itself between two turns of its event loop.
 */
export type ToWorker =
  | { kind: 'run'; task: string; input: unknown }
  | { kind: 'note'; note: unknown }
  | { kind: 'exit' };

export type FromWorker =
  | { kind: 'progress'; progress: unknown }
  | { kind: 'note'; note: unknown }
  | { kind: 'done'; result: unknown }
  | { kind: 'failed'; error: SerializedError };
