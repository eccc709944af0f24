import { afterAll, afterEach, expect } from 'vitest';
import type { ArgsOf, MethodName, ResultOf } from '../../electron/core/api/contract';
import { closeBrowser, startApp } from './harness';
import type { RunningApp } from './harness';

/** The two window sizes every view must work at (the brief's laptop and small window). */
export const viewports = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
] as const;

/**
 * Ends a test's app, then fails the test if the page reached anything but the local
 * server, logged an error, or left the window itself scrollable (only the app's panes may
 * scroll). Closing first means a failed check never leaks a browser.
 */
export async function closeAndCheck(app: RunningApp): Promise<void> {
  const { foreignRequests, pageErrors } = app;
  // Only the app's panes scroll: a window that scrolls shifts the whole app under its header.
  const overflow = app.page.isClosed() ? [] : await windowOverflow(app.page).catch(() => []);
  await app.close();
  expect(overflow).toEqual([]);
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

/** What sticks out of the window, making it scroll (empty when it does not scroll). */
function windowOverflow(page: RunningApp['page']): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollHeight <= window.innerHeight && root.scrollWidth <= window.innerWidth) return [];
    const outside = [...document.body.querySelectorAll<HTMLElement>('*')].filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && (box.bottom > window.innerHeight + 1 || box.right > window.innerWidth + 1) && !element.closest('[class*="scroller"], .modal, [role="dialog"]');
    });
    return [`the window scrolls (${root.scrollWidth}x${root.scrollHeight} in ${window.innerWidth}x${window.innerHeight})`, ...outside.slice(0, 5).map((element) => `${element.tagName.toLowerCase()}.${element.className}`)];
  });
}
