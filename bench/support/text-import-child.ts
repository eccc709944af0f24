/**
 * One text import in a process of its own, so its peak memory is its own: opens a core on a
 * fresh workspace, imports the file, runs the search queries, and prints one JSON line with
 * the import time, the search latencies and the process's peak resident memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/core';
import { QUERIES } from '../search.bench';

const [file] = process.argv.slice(2);
const workspaceDir = await mkdtemp(join(tmpdir(), 'workbench-text-bench-'));
const core = await createCore({ workspaceDir, resourcesDir: resolve(import.meta.dirname, '../../resources'), holder: 'the text import benchmark' });
try {
  const start = performance.now();
  const result = await core.dispatch('import.file', { path: file! });
  const importMs = performance.now() - start;
  const latencies: number[] = [];
  if (result.ok) {
    for (let round = 0; round < 3; round++) {
      for (const query of QUERIES) {
        const t = performance.now();
        await core.dispatch('search.query', { query });
        latencies.push(performance.now() - t);
      }
    }
  }
  latencies.sort((a, b) => a - b);
  const p95 = latencies.length ? latencies[Math.floor(latencies.length * 0.95)]! : 0;
  const outcome = result.ok ? { imported: true, passages: (result.value as { passages: number }).passages } : { imported: false, error: result.error.message };
  console.log(JSON.stringify({ ...outcome, importMs, p95, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
} finally {
  await core.close();
  await rm(workspaceDir, { recursive: true, force: true });
}
