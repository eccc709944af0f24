import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchRow } from './types';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin/workbench.mjs');
const runs = 11;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeProcess(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.toString()}`);
  return elapsed;
}

/** The compiled CLI's start-up, wall clock from spawn to exit, beside a bare `node -e 0` measured alternately. */
export async function run(): Promise<BenchRow[]> {
  if (!existsSync(join(root, 'out/cli/workbench.js'))) throw new Error('out/cli is missing: run `npm run build:cli` first.');
  const workspace = await mkdtemp(join(tmpdir(), 'workbench-bench-cli-'));
  try {
    const info: number[] = [];
    const help: number[] = [];
    const bare: number[] = [];
    timeProcess([bin, 'info', '--workspace', workspace]); // creates the workspace's files
    for (let i = 0; i < runs; i++) {
      bare.push(timeProcess(['-e', '0']));
      info.push(timeProcess([bin, 'info', '--workspace', workspace]));
      help.push(timeProcess([bin, '--help']));
    }
    const reference = { name: 'node -e 0', value: median(bare) };
    return [
      { suite: 'cli', case: 'workbench info (compiled, existing workspace)', metric: 'median wall time', value: median(info), unit: 'ms', reference },
      { suite: 'cli', case: 'workbench --help (compiled)', metric: 'median wall time', value: median(help), unit: 'ms', reference },
    ];
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}
