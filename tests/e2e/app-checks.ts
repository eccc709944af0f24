import { expect } from 'vitest';
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
