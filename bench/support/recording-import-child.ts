/**
 * One recording import in a process of its own, so its peak memory is its own: opens a core
 * on a fresh workspace, imports the recording (with its transcript when given), and prints
 * one JSON line with the import time, the passages and the process's peak resident memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/core';

const [media, transcript] = process.argv.slice(2);
const workspaceDir = await mkdtemp(join(tmpdir(), 'workbench-recording-bench-'));
const core = await createCore({ workspaceDir, resourcesDir: resolve(import.meta.dirname, '../../resources'), holder: 'the recording import benchmark' });
try {
  const start = performance.now();
  const result = await core.dispatch('import.file', { path: media!, ...(transcript ? { transcript } : {}) });
  const importMs = performance.now() - start;
  const outcome = result.ok ? { imported: true, passages: (result.value as { passages: number }).passages, duration: (result.value as { duration: number }).duration } : { imported: false, error: result.error.message };
  console.log(JSON.stringify({ ...outcome, importMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
} finally {
  await core.close();
  await rm(workspaceDir, { recursive: true, force: true });
}
