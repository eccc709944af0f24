import { Worker } from 'node:worker_threads';
import { WorkbenchError } from '../api/errors.js';
import type { IdleWorkers } from './idle-workers.js';
import { workerScriptUrl, type WorkerEntry } from './worker-entry.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/**
 * What a worker may spend. The heap limit is V8's (objects, strings); native memory such as
 * decoded images or WebAssembly memory is not counted, so tasks that use it keep their own
 * limits on sizes too.
 */
export interface WorkerBudget {
  heapMb: number;
  /** Judged stuck after this long without a progress report or a note. */
  idleMs: number;
  /** The whole task's time. */
  totalMs: number;
}

export interface LimitedWorkerOptions<P> {
  entry: WorkerEntry;
  task: string;
  input: unknown;
  transfer?: Transferable[];
  budget: WorkerBudget;
  /** The file being read, as the user knows it; messages name it. */
  fileName: string;
  signal?: AbortSignal;
  /** The error a cancelled task rejects with. */
  cancelledError(): WorkbenchError;
  onProgress?(progress: P): void;
  onNote?(note: unknown): void;
  /**
   * Where to take a thread that a finished task of the same script left, and to leave this
   * one if its task ends well (see `IdleWorkers`); without it every task has a thread of its own.
   */
  keep?: IdleWorkers;
  /** Told when a new thread is started for the task (not when a kept one is taken). */
  onNewThread?(): void;
}

export interface LimitedWorker<R> {
  result: Promise<R>;
  /** Sends a task-specific note to the worker (buffered until it has started). */
  send(note: unknown, transfer?: Transferable[]): void;
  /**
   * The worker thread's exit code once it has ended: 0 when it ended itself as asked, 1
   * when it had to be terminated; 0 at once when no thread was started.
   */
  ended: Promise<number>;
}

/**
 * Runs one task on a fresh worker thread (or, with `keep`, one an earlier task of the same
 * script ended well on) with a heap limit and a time budget. Whatever goes wrong (failed,
 * out of memory, over time, cancelled) the worker is ended (asked first, terminated if it
 * does not answer, see `endWorker`): a file
 * built to exhaust memory or to never finish costs the worker, never the process, and the
 * caller gets an error written for a person.
 */
export function startLimitedWorker<R, P = unknown>(options: LimitedWorkerOptions<P>): LimitedWorker<R> {
  const { fileName, signal, budget } = options;
  let worker: Worker | undefined;
  let settled = false;
  const pending: Array<{ note: unknown; transfer?: Transferable[] }> = [];
  let idleTimer: NodeJS.Timeout | undefined;
  let totalTimer: NodeJS.Timeout | undefined;
  let settle: (outcome: { value: R } | { error: WorkbenchError }) => void = () => undefined;
  let release: (() => boolean) | undefined;
  let markEnded: (code: number) => void = () => undefined;
  const ended = new Promise<number>((resolve) => (markEnded = resolve));

  const result = new Promise<R>((resolve, reject) => {
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(idleTimer);
      clearTimeout(totalTimer);
      signal?.removeEventListener('abort', onAbort);
      if (worker && 'value' in outcome && release?.()) markEnded(0);
      else if (worker) endWorker(worker);
      else markEnded(0);
      if ('value' in outcome) resolve(outcome.value);
      else reject(outcome.error);
    };
  });
  const fail = (error: WorkbenchError) => settle({ error });
  const onAbort = () => fail(options.cancelledError());
  const touch = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => fail(stuckError(fileName, budget.idleMs)), budget.idleMs);
  };

  if (signal?.aborted) {
    fail(options.cancelledError());
    return { result, send: () => undefined, ended };
  }
  signal?.addEventListener('abort', onAbort, { once: true });
  totalTimer = setTimeout(() => fail(overTimeError(fileName, budget.totalMs)), budget.totalMs);
  touch();

  workerScriptUrl(options.entry).then(
    (url) => {
      if (settled) return markEnded(0);
      const key = `${url.href} ${budget.heapMb}`;
      const thread = options.keep?.take(key) ?? newThread(url, budget, options.onNewThread);
      worker = thread;
      const onMessage = (message: FromWorker) => {
        touch();
        if (message.kind === 'progress') options.onProgress?.(message.progress as P);
        else if (message.kind === 'note') options.onNote?.(message.note);
        else if (message.kind === 'done') settle({ value: message.result as R });
        else fail(new WorkbenchError(message.error.code, message.error.message, message.error.details));
      };
      const onError = (error: Error & { code?: string }) =>
        fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemoryError(fileName, budget.heapMb) : crashError(fileName, error.message));
      const onExit = (code: number) => {
        markEnded(code);
        fail(crashError(fileName, `exit code ${code}`));
      };
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.on('exit', onExit);
      if (options.keep) {
        const pool = options.keep;
        release = () => {
          thread.off('message', onMessage);
          thread.off('error', onError);
          thread.off('exit', onExit);
          pool.keep(key, thread);
          return true;
        };
      }
      const run: ToWorker = { kind: 'run', task: options.task, input: options.input };
      worker.postMessage(run, options.transfer as never);
      for (const { note, transfer } of pending.splice(0)) post(note, transfer);
    },
    (error: Error) => {
      markEnded(0);
      fail(crashError(fileName, error.message));
    },
  );

  const post = (note: unknown, transfer?: Transferable[]) => {
    const message: ToWorker = { kind: 'note', note };
    worker!.postMessage(message, transfer as never);
  };
  return {
    result,
    ended,
    send: (note, transfer) => {
      if (settled) return;
      if (worker) post(note, transfer);
      else pending.push({ note, ...(transfer ? { transfer } : {}) });
    },
  };
}

/** How long a worker asked to end itself may take before it is terminated. */
const EXIT_GRACE_MS = 2_000;

/**
 * Asks the worker to end itself, and terminates it only if it has not within the grace
 * time (a worker spinning in a loop never reads the request). A terminate() stops the
 * worker's JavaScript anywhere, and one that lands while a zlib stream is being made
 * aborts the whole process in Node's cleanup ("close before init"), so it is the fallback.
 */
function endWorker(worker: Worker): void {
  const exit: ToWorker = { kind: 'exit' };
  try {
    worker.postMessage(exit);
  } catch {
    void worker.terminate();
    return;
  }
  const fallback = setTimeout(() => void worker.terminate(), EXIT_GRACE_MS);
  worker.once('exit', () => clearTimeout(fallback));
}

/** `startLimitedWorker` for tasks that need no notes: the result, or an error. */
export function runLimitedWorker<R, P = unknown>(options: LimitedWorkerOptions<P>): Promise<R> {
  return startLimitedWorker<R, P>(options).result;
}

const NOTHING_ADDED = 'Nothing was added to your library.';

function outOfMemoryError(fileName: string, heapMb: number): WorkbenchError {
  return new WorkbenchError(
    'UNSUPPORTED',
    `Reading “${fileName}” needed more than the ${heapMb} MB of memory an import may use, so it was stopped. ` +
      `The file may be damaged, far larger inside than it looks (a “zip bomb”), or simply too big: split it into smaller files and import those. ${NOTHING_ADDED}`,
    { fileName, limit: 'memory', heapMb },
  );
}

function overTimeError(fileName: string, totalMs: number): WorkbenchError {
  return new WorkbenchError(
    'UNSUPPORTED',
    `Reading “${fileName}” took longer than the ${formatDuration(totalMs)} an import may take, so it was stopped. ` +
      `The file may be damaged or built to never finish; if it is simply very long, split it into parts and import those. ${NOTHING_ADDED}`,
    { fileName, limit: 'time', totalMs },
  );
}

function stuckError(fileName: string, idleMs: number): WorkbenchError {
  return new WorkbenchError(
    'UNSUPPORTED',
    `Reading “${fileName}” made no progress for ${formatDuration(idleMs)}, so it was stopped. The file may be damaged or built to never finish. ${NOTHING_ADDED}`,
    { fileName, limit: 'time', idleMs },
  );
}

function crashError(fileName: string, detail: string): WorkbenchError {
  return new WorkbenchError('INTERNAL', `Reading “${fileName}” stopped unexpectedly (${detail}). Try the import again. ${NOTHING_ADDED}`, { fileName });
}

function formatDuration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} seconds`;
  const minutes = Math.round(ms / 60_000);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function newThread(url: URL, budget: WorkerBudget, onNewThread: (() => void) | undefined): Worker {
  onNewThread?.();
  return new Worker(url, {
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: budget.heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, budget.heapMb / 16)) },
  });
}
