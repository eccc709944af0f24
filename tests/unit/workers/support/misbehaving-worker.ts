import { threadId } from 'node:worker_threads';
import { serveTasks, type TaskHandler } from '../../../../electron/core/workers/serve-tasks';
import { WorkbenchError } from '../../../../electron/core/api/errors';

/** A worker entry for testing the limits: tasks that behave, and tasks that a hostile file could cause. */
let tasksRun = 0;
const tasks: Record<string, TaskHandler> = {
  /** Which thread this is, how many tasks it has run, and the next note (a kept worker must not see its last task's). */
  whoami: (async () => {
    tasksRun += 1;
    return { threadId, tasksRun };
  }) as TaskHandler,
  firstNote: (async (_input: unknown, context) => ({ threadId, note: await context.nextNote() })) as TaskHandler,
  echo: (async (input: { text: string }, context) => {
    context.progress({ step: 1 } as never);
    const note = (await context.nextNote()) as string;
    return `${input.text} ${note}`;
  }) as TaskHandler,
  hog: (async () => {
    const kept: string[][] = [];
    for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `entry ${i} ${kept.length}`));
  }) as TaskHandler,
  hang: (() => new Promise(() => undefined)) as TaskHandler,
  spin: ((_input: unknown, context) => {
    // Busy in one synchronous loop: never reads a message again.
    context.progress({ spinning: true } as never);
    for (;;);
  }) as TaskHandler,
  busy: (async (_input: unknown, context) => {
    // Reports progress forever: alive, but never done.
    for (;;) {
      context.progress({ alive: true } as never);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }) as TaskHandler,
  refuse: (async () => {
    throw new WorkbenchError('CORRUPT', 'The test file is damaged.', { why: 'test' });
  }) as TaskHandler,
};

serveTasks(tasks);
