import { afterAll, describe, expect, it } from 'vitest';
import { endKeptPdfWorkers, keptPdfWorkerCount } from '../../../electron/core/import/extract-in-workers';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { call } from './support';

const tempDir = useTempDirs();
const openCore = useCores();
afterAll(endKeptPdfWorkers);

describe('import.prepare', () => {
  it('gets PDF workers ready while the user picks a file, once, and writes nothing', async () => {
    endKeptPdfWorkers();
    const core = await openCore(await tempDir());
    const first = await call(core, 'import.prepare', {});
    expect(first.warming).toBeGreaterThan(0);
    // Dragging over the window again while they warm starts no more.
    expect(await call(core, 'import.prepare', {})).toEqual({ warming: 0 });
    await expect.poll(() => keptPdfWorkerCount(), { timeout: 30_000 }).toBe(first.warming);
    expect(core.workspace.changes(0).results).toEqual([]);
    expect((await core.dispatch('import.prepare', { now: true })).ok).toBe(false);
  });
});
