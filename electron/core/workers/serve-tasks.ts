import { parentPort } from 'node:worker_threads';
import { toSerializedError } from '../api/errors.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/** What a task running inside a limited worker can do besides returning its result. */
export interface TaskContext<P = unknown> {
  /** Reports progress; it also tells the parent the task is alive (see `idleMs`). */
  progress(progress: P): void;
  /** Sends a task-specific note to the parent. */
  send(note: unknown, transfer?: Transferable[]): void;
  /** Waits for the parent's next note. */
  nextNote(): Promise<unknown>;
}

export type TaskHandler = (input: never, context: TaskContext<never>) => Promise<unknown>;

/**
 * The worker side: answers one `run` with the named handler's result. Whatever the handler
 * throws goes back as a serialised error (a WorkbenchError keeps its code and message).
 */
export function serveTasks(handlers: Record<string, TaskHandler>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks must run on a worker thread');
  const post = (message: FromWorker, transfer?: Transferable[]) => port.postMessage(message, transfer as never);
  const notes: unknown[] = [];
  const waiting: Array<(note: unknown) => void> = [];
  const context: TaskContext<unknown> = {
    progress: (progress) => post({ kind: 'progress', progress }),
    send: (note, transfer) => post({ kind: 'note', note }, transfer),
    nextNote: () => new Promise((resolve) => (notes.length > 0 ? resolve(notes.shift()) : waiting.push(resolve))),
  };
  port.on('message', (message: ToWorker) => {
    // Ending here, between two turns of the event loop, no native handle is half made:
    // Node aborts the whole process when a terminate() lands between a zlib stream's
    // creation and its init (pdf.js decompresses through DecompressionStream).
    if (message.kind === 'exit') process.exit(0);
    if (message.kind === 'note') {
      const waiter = waiting.shift();
      if (waiter) waiter(message.note);
      else notes.push(message.note);
      return;
    }
    // A kept worker runs task after task: notes meant for the last one (a second "finish")
    // are not this one's.
    notes.length = 0;
    waiting.length = 0;
    const handler = handlers[message.task];
    const work = handler
      ? (handler as (input: unknown, context: TaskContext<unknown>) => Promise<unknown>)(message.input, context)
      : Promise.reject(new Error(`unknown worker task ${message.task}`));
    work.then(
      (result) => post({ kind: 'done', result }),
      (error: unknown) => post({ kind: 'failed', error: toSerializedError(error) }),
    );
  });
}
