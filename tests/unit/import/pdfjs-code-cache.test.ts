import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endKeptPdfWorkers, extractPdfInWorkers } from '../../../electron/core/import/extract-in-workers.js';
import { extractPdf } from '../../../electron/core/import/pdf/extract-pdf.js';
import { defaultCacheDir, defaultWorkspaceDir } from '../../../electron/core/paths.js';
import { readFixture } from './support/paths.js';

/**
 * pdf.js on extraction workers starts from V8 code caches that the first workers write
 * (`workers/script-module.ts`). Worker threads take their environment from the process as
 * they start, so each case ends the kept workers and points new ones at its own folder.
 */
describe('pdf.js code caches on extraction workers', () => {
  let dir: string;
  const before = process.env.WORKBENCH_CACHE_DIR;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'workbench-code-cache-'));
  });
  afterAll(async () => {
    endKeptPdfWorkers();
    if (before === undefined) delete process.env.WORKBENCH_CACHE_DIR;
    else process.env.WORKBENCH_CACHE_DIR = before;
    await rm(dir, { recursive: true, force: true });
  });

  const freshWorkers = (cacheDir: string) => {
    endKeptPdfWorkers();
    process.env.WORKBENCH_CACHE_DIR = cacheDir;
  };
  const cacheFiles = async () => (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.v8cache')).sort();

  it('are written by the first import, used unchanged by the next workers, and change nothing in what is read', async () => {
    const bytes = await readFixture('tracemonkey.pdf');
    const inProcess = await extractPdf(bytes, { fileName: 'tracemonkey.pdf' });

    freshWorkers(dir);
    expect(await cacheFiles()).toEqual([]);
    const first = await extractPdfInWorkers(bytes, { fileName: 'tracemonkey.pdf', maxWorkers: 1 });
    // Written after the answer went back, on the worker's next turn.
    await expect.poll(cacheFiles, { timeout: 10_000 }).toHaveLength(2);
    const files = await cacheFiles();
    expect(files[0]).toMatch(/^pdfjs-display-[0-9a-f]{24}\.v8cache$/);
    expect(files[1]).toMatch(/^pdfjs-worker-[0-9a-f]{24}\.v8cache$/);
    const written = await Promise.all(files.map(async (f) => (await stat(join(dir, f))).mtimeMs));

    freshWorkers(dir);
    const second = await extractPdfInWorkers(bytes, { fileName: 'tracemonkey.pdf', maxWorkers: 1 });
    endKeptPdfWorkers();
    // A cache V8 refused would have been written again.
    expect(await Promise.all(files.map(async (f) => (await stat(join(dir, f))).mtimeMs))).toEqual(written);
    expect(first).toEqual(inProcess);
    expect(second).toEqual(inProcess);
  });

  it('are not needed: with WORKBENCH_CACHE_DIR=off the workers read the same and write nothing', async () => {
    expect(defaultCacheDir({ WORKBENCH_CACHE_DIR: 'off' })).toBeUndefined();
    const bytes = await readFixture('alphatrans.pdf');
    const filesBefore = await cacheFiles();
    freshWorkers('off');
    const read = await extractPdfInWorkers(bytes, { fileName: 'alphatrans.pdf', maxWorkers: 1 });
    endKeptPdfWorkers();
    expect(read).toEqual(await extractPdf(bytes, { fileName: 'alphatrans.pdf' }));
    expect(await cacheFiles()).toEqual(filesBefore);
  });

  it('live in the platform cache folder of this user, as the workspace lives in its data folder', () => {
    expect(defaultWorkspaceDir({ XDG_CONFIG_HOME: '/tmp/xdg-config' }, 'linux')).toBe('/tmp/xdg-config/Field Workbench/workspace');
    expect(defaultWorkspaceDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32')).toContain('Roaming');
    expect(defaultWorkspaceDir({}, 'darwin')).toMatch(/Library\/Application Support\/Field Workbench\/workspace$/);
    expect(defaultWorkspaceDir({ WORKBENCH_WORKSPACE: '/tmp/w' }, 'linux')).toBe('/tmp/w');
    expect(defaultCacheDir({ HOME: '/home/ana' }, 'linux')).toMatch(/\.cache\/Field Workbench$/);
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/tmp/xdg' }, 'linux')).toBe('/tmp/xdg/Field Workbench');
    expect(defaultCacheDir({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'win32')).toContain('Field Workbench');
    expect(defaultCacheDir({}, 'darwin')).toMatch(/Library\/Caches\/Field Workbench$/);
  });
});
