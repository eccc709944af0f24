import { afterAll, afterEach, expect } from 'vitest';
import type { ArgsOf, MethodName, ResultOf } from '../../electron/core/api/contract';
import { closeBrowser, startApp } from './harness';
import type { RunningApp } from './harness';

/**
 * Ends a test's app, then fails the test if the page reached anything but the local
 * server or logged an error. Closing first means a failed check never leaks a browser.
 */
export async function closeAndCheck(app: RunningApp): Promise<void> {
  const { foreignRequests, pageErrors } = app;
  await app.close();
  expect(foreignRequests).toEqual([]);
  expect(pageErrors).toEqual([]);
}

/**
 * One app at a time for a test file: `start` opens one, `end` closes and checks it (a test
 * trying several window sizes ends each), and whatever a test leaves open (a failure
 * midway) is closed and checked after it. The browser closes after the file.
 */
export function appPerTest() {
  let current: RunningApp | undefined;
  const end = async () => {
    const app = current;
    current = undefined;
    if (app) await closeAndCheck(app);
  };
  afterEach(end);
  afterAll(closeBrowser);
  return {
    async start(options?: Parameters<typeof startApp>[0]): Promise<RunningApp> {
      await end();
      current = await startApp(options);
      return current;
    },
    end,
  };
}

/** Calls core directly, as another window or the CLI would; the page must pick the change up. */
export async function callCore<M extends MethodName>(app: RunningApp, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const result = await app.core.dispatch(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as ResultOf<M>;
}
