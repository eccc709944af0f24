import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../electron/core/api/errors';
import { IdleWorkers } from '../../../electron/core/workers/idle-workers';
import { runLimitedWorker, startLimitedWorker, type WorkerBudget } from '../../../electron/core/workers/limited-worker';
import type { WorkerEntry } from '../../../electron/core/workers/worker-entry';
import { rejection } from '../../helpers/workbench-error';

const entry: WorkerEntry = { source: new URL('./support/misbehaving-worker.ts', import.meta.url) };
const budget: WorkerBudget = { heapMb: 64, idleMs: 1500, totalMs: 20_000 };
const cancelledError = () => new WorkbenchError('CANCELLED', 'cancelled');

const failure = rejection;

describe('runLimitedWorker', () => {
  it('runs a task, passing progress and notes both ways', async () => {
    const progress: unknown[] = [];
    const worker = startLimitedWorker<string>({ entry, task: 'echo', input: { text: 'hello' }, budget, fileName: 'x', cancelledError, onProgress: (p) => progress.push(p) });
    worker.send('world');
    expect(await worker.result).toBe('hello world');
    expect(progress).toEqual([{ step: 1 }]);
  });

  it('stops a task that exhausts its heap, with an error that names the file and the limit', async () => {
    const error = await failure(runLimitedWorker({ entry, task: 'hog', input: {}, budget: { ...budget, idleMs: 15_000 }, fileName: 'bomb.docx', cancelledError }));
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toContain('“bomb.docx”');
    expect(error.message).toContain('64 MB');
    expect(error.details).toMatchObject({ limit: 'memory' });
    // The process that started it is fine and can run the next task.
    const next = startLimitedWorker<string>({ entry, task: 'echo', input: { text: 'still' }, budget, fileName: 'x', cancelledError });
    next.send('here');
    expect(await next.result).toBe('still here');
  });

  it('stops a task that makes no progress, and one that runs over its total time', async () => {
    const stuck = await failure(runLimitedWorker({ entry, task: 'hang', input: {}, budget, fileName: 'loop.pdf', cancelledError }));
    expect(stuck.details).toMatchObject({ limit: 'time', idleMs: 1500 });
    expect(stuck.message).toContain('“loop.pdf” made no progress');

    const slow = await failure(runLimitedWorker({ entry, task: 'busy', input: {}, budget: { ...budget, totalMs: 2500 }, fileName: 'long.pdf', cancelledError }));
    expect(slow.details).toMatchObject({ limit: 'time', totalMs: 2500 });
    expect(slow.message).toContain('took longer than');
  });

  it('carries the task\'s own errors back with their code, and ends the worker when cancelled', async () => {
    const refused = await failure(runLimitedWorker({ entry, task: 'refuse', input: {}, budget, fileName: 'x', cancelledError }));
    expect(refused).toMatchObject({ code: 'CORRUPT', message: 'The test file is damaged.', details: { why: 'test' } });

    const controller = new AbortController();
    const running = runLimitedWorker({ entry, task: 'busy', input: {}, budget, fileName: 'x', cancelledError, signal: controller.signal, onProgress: () => controller.abort() });
    expect((await failure(running)).code).toBe('CANCELLED');
  });

  it('has a worker end itself between two turns of its loop, terminating it only when it cannot (a terminate mid-zlib aborts Node)', async () => {
    const done = startLimitedWorker<string>({ entry, task: 'echo', input: { text: 'done' }, budget, fileName: 'x', cancelledError });
    done.send('now');
    expect(await done.result).toBe('done now');
    expect(await done.ended).toBe(0);

    const controller = new AbortController();
    const cancelled = startLimitedWorker({ entry, task: 'busy', input: {}, budget, fileName: 'x', cancelledError, signal: controller.signal, onProgress: () => controller.abort() });
    expect((await failure(cancelled.result)).code).toBe('CANCELLED');
    expect(await cancelled.ended).toBe(0);

    // A worker spinning in a loop never reads the request: it is terminated after the grace time.
    const spinning = startLimitedWorker({ entry, task: 'spin', input: {}, budget, fileName: 'spin.pdf', cancelledError });
    expect((await failure(spinning.result)).details).toMatchObject({ limit: 'time', idleMs: 1500 });
    expect(await spinning.ended).toBe(1);
  });
});

describe('workers kept for the next task', () => {
  it('runs the next task of the same script on the thread a task ended well on, without its leftover notes; a failed one is not kept', async () => {
    const keep = new IdleWorkers({ idleMs: 60_000, max: 2 });
    try {
      const first = await runLimitedWorker<{ threadId: number; tasksRun: number }>({ entry, task: 'whoami', input: {}, budget, fileName: 'x', cancelledError, keep });
      expect(keep.count()).toBe(1);
      const second = await runLimitedWorker<{ threadId: number; tasksRun: number }>({ entry, task: 'whoami', input: {}, budget, fileName: 'x', cancelledError, keep });
      expect(second).toEqual({ threadId: first.threadId, tasksRun: 2 });

      // A note the last task never read is not the next task's.
      const noted = startLimitedWorker<{ threadId: number; note: unknown }>({ entry, task: 'firstNote', input: {}, budget, fileName: 'x', cancelledError, keep });
      noted.send('for the first');
      noted.send('left over');
      expect(await noted.result).toEqual({ threadId: first.threadId, note: 'for the first' });
      expect(await noted.ended).toBe(0);
      const next = startLimitedWorker<{ threadId: number; note: unknown }>({ entry, task: 'firstNote', input: {}, budget, fileName: 'x', cancelledError, keep });
      next.send('for the second');
      expect(await next.result).toEqual({ threadId: first.threadId, note: 'for the second' });

      // A task that fails ends its thread: the next one starts afresh.
      expect((await failure(runLimitedWorker({ entry, task: 'refuse', input: {}, budget, fileName: 'x', cancelledError, keep }))).code).toBe('CORRUPT');
      expect(keep.count()).toBe(0);
      const fresh = await runLimitedWorker<{ threadId: number; tasksRun: number }>({ entry, task: 'whoami', input: {}, budget, fileName: 'x', cancelledError, keep });
      expect(fresh.threadId).not.toBe(first.threadId);
      expect(fresh.tasksRun).toBe(1);
    } finally {
      keep.endAll();
    }
    expect(keep.count()).toBe(0);
  });

  it('ends an idle worker after its idle time, and keeps no more than its maximum', async () => {
    const keep = new IdleWorkers({ idleMs: 50, max: 1 });
    try {
      const [a, b] = await Promise.all([
        runLimitedWorker<{ threadId: number }>({ entry, task: 'whoami', input: {}, budget, fileName: 'x', cancelledError, keep }),
        runLimitedWorker<{ threadId: number }>({ entry, task: 'whoami', input: {}, budget, fileName: 'x', cancelledError, keep }),
      ]);
      expect(a.threadId).not.toBe(b.threadId);
      expect(keep.count()).toBe(1);
      await expect.poll(() => keep.count()).toBe(0);
    } finally {
      keep.endAll();
    }
  });
});
