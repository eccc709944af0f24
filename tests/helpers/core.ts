import { resolve } from 'node:path';
import { afterEach } from 'vitest';
import { createCore } from '../../electron/core/core';
import type { Core } from '../../electron/core/core';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const resourcesDir = resolve(repoRoot, 'resources');

/** A real core over the committed corpus and a workspace folder; closed after each test. */
export function useCores(): (workspaceDir: string) => Promise<Core> {
  const opened: Core[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((core) => core.close()));
  });
  return async (workspaceDir) => {
    const core = await createCore({ workspaceDir, resourcesDir, holder: 'a test' });
    opened.push(core);
    return core;
  };
}
