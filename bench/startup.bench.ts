import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/core';
import { corpusFile } from '../electron/core/corpus/load';
import type { BenchRow } from './types';

const resourcesDir = resolve(import.meta.dirname, '../resources');
const runs = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Opening the core (corpus load + checks + workspace) against a bare JSON.parse of the same corpus file. */
export async function run(): Promise<BenchRow[]> {
  const openTimes: number[] = [];
  const parseTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const workspaceDir = await mkdtemp(join(tmpdir(), 'workbench-bench-'));
    const start = performance.now();
    const core = await createCore({ workspaceDir, resourcesDir, holder: 'bench' });
    openTimes.push(performance.now() - start);
    await core.close();
    await rm(workspaceDir, { recursive: true, force: true });

    const parseStart = performance.now();
    JSON.parse(await readFile(corpusFile(resourcesDir), 'utf8'));
    parseTimes.push(performance.now() - parseStart);
  }
  return [
    {
      suite: 'startup',
      case: 'open core on a new workspace',
      metric: 'median',
      value: median(openTimes),
      unit: 'ms',
      reference: { name: 'read+JSON.parse corpus', value: median(parseTimes) },
    },
  ];
}
