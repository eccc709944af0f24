import type { Worker } from 'node:worker_threads';
import type { ToWorker } from './worker-messages.js';

/**
 * Worker threads kept after a task that ended well, for the next task of the same script:
 * a PDF worker that has loaded pdf.js and run it is several times faster than a new one on
 * its first pages (its code is compiled and optimised), which costs about a second of CPU
 * per import on a two-core machine. Only a worker whose task succeeded is kept; a failed,
 * cancelled or over-budget one is ended as always. An idle worker does not keep the process
 * alive (unref'd) and ends after `idleMs`.
 */
export class IdleWorkers {
  private readonly idle = new Map<string, Array<{ worker: Worker; timer: NodeJS.Timeout; onExit: () => void }>>();

  constructor(private readonly options: { idleMs: number; max: number }) {}

  /** An idle worker for `key` (the script and its limits), taken out of the pool, or undefined. */
  take(key: string): Worker | undefined {
    const kept = this.idle.get(key)?.pop();
    if (!kept) return undefined;
    clearTimeout(kept.timer);
    kept.worker.off('exit', kept.onExit);
    kept.worker.ref();
    return kept.worker;
  }

  /** Keeps a worker whose task has ended (its listeners removed) for the next task; ends it when the pool is full. */
  keep(key: string, worker: Worker): void {
    const list = this.idle.get(key) ?? [];
    if (this.count() >= this.options.max) {
      endIdle(worker);
      return;
    }
    const onExit = () => this.remove(key, worker);
    const timer = setTimeout(() => {
      this.remove(key, worker);
      endIdle(worker);
    }, this.options.idleMs);
    timer.unref();
    worker.on('exit', onExit);
    worker.unref();
    list.push({ worker, timer, onExit });
    this.idle.set(key, list);
  }

  /** Ends every idle worker (tests; an app shutting down need not: idle workers are unref'd). */
  endAll(): void {
    for (const [key, list] of this.idle) {
      for (const { worker, timer, onExit } of list) {
        clearTimeout(timer);
        worker.off('exit', onExit);
        endIdle(worker);
      }
      this.idle.delete(key);
    }
  }

  count(): number {
    let n = 0;
    for (const list of this.idle.values()) n += list.length;
    return n;
  }

  private remove(key: string, worker: Worker): void {
    const list = this.idle.get(key);
    if (!list) return;
    const at = list.findIndex((kept) => kept.worker === worker);
    if (at >= 0) {
      clearTimeout(list[at]!.timer);
      list.splice(at, 1);
    }
    if (list.length === 0) this.idle.delete(key);
  }
}

/** An idle worker is between tasks, so asking it to exit is enough. */
function endIdle(worker: Worker): void {
  const exit: ToWorker = { kind: 'exit' };
  try {
    worker.postMessage(exit);
  } catch {
    void worker.terminate();
  }
}
