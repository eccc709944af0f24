import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { typesetReport } from '../tests/unit/import/support/report-pdf';
import { seedReportSpec } from '../tests/unit/import/support/seed-report';
import type { BenchRow } from './types';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin/workbench.mjs');
const runs = 11;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * CPU time (user + system) of the children this process has waited for, in ms, from
 * /proc (Linux; clock ticks of 10 ms). Less swayed than wall time by other jobs on a busy
 * machine; undefined elsewhere.
 */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After "pid (comm) ", cutime and cstime are the 14th and 15th fields.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

function timeProcess(args: string[], node = process.execPath): { wall: number; cpu: number | undefined } {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const result = spawnSync(node, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.toString()}`);
  return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

/**
 * The same on another Node (users run 22 or 24 LTS, whose compile cache this machine's Node
 * 20 lacks): set WORKBENCH_BENCH_NODE to its binary. Without it, no rows.
 */
function otherNodeRows(workspace: string): BenchRow[] {
  const node = process.env.WORKBENCH_BENCH_NODE;
  if (!node) return [];
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const info: number[] = [];
  const bare: number[] = [];
  timeProcess([bin, 'info', '--workspace', workspace], node); // fills the compile cache
  for (let i = 0; i < runs; i++) {
    bare.push(timeProcess(['-e', '0'], node).wall);
    info.push(timeProcess([bin, 'info', '--workspace', workspace], node).wall);
  }
  return [{ suite: 'cli', case: `workbench info (compiled, Node ${version})`, metric: 'median wall time', value: median(info), unit: 'ms', reference: { name: `node ${version} -e 0`, value: median(bare) } }];
}

/**
 * A book imported through the compiled CLI, from spawn to exit (process start, workspace
 * open, extraction on fresh workers, the store's writes), beside `pdftotext` on the same file
 * measured alternately: what the issue measured at 11x. The workspace exists; every run adds
 * a copy (`--duplicate again`).
 */
async function importRows(workspace: string): Promise<BenchRow[]> {
  const book = join(workspace, '..', `${basename(workspace)}-collected-papers.pdf`);
  await writeFile(book, (await typesetReport(await seedReportSpec(resolve(root, '../shared/seeds'), 300))).bytes);
  try {
    const imports: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < 5; i++) {
      imports.push(timeProcess([bin, 'import', book, '--duplicate', 'again', '--workspace', workspace]).wall);
      const start = performance.now();
      const result = spawnSync('pdftotext', [book, '-'], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
      if (result.status !== 0) throw new Error('pdftotext is not installed: run `apt-get install -y poppler-utils`');
      reference.push(performance.now() - start);
    }
    return [{ suite: 'cli', case: 'workbench import of a 297-page book (compiled, existing workspace)', metric: 'median wall time', value: median(imports), unit: 'ms', reference: { name: 'pdftotext', value: median(reference) } }];
  } finally {
    await rm(book, { force: true });
  }
}

/** The compiled CLI's start-up, wall clock from spawn to exit, beside a bare `node -e 0` measured alternately. */
export async function run(): Promise<BenchRow[]> {
  if (!existsSync(join(root, 'out/cli/workbench.js'))) throw new Error('out/cli is missing: run `npm run build:cli` first.');
  const workspace = await mkdtemp(join(tmpdir(), 'workbench-bench-cli-'));
  try {
    const info: Array<ReturnType<typeof timeProcess>> = [];
    const help: Array<ReturnType<typeof timeProcess>> = [];
    const bare: Array<ReturnType<typeof timeProcess>> = [];
    timeProcess([bin, 'info', '--workspace', workspace]); // creates the workspace's files
    for (let i = 0; i < runs; i++) {
      bare.push(timeProcess(['-e', '0']));
      info.push(timeProcess([bin, 'info', '--workspace', workspace]));
      help.push(timeProcess([bin, '--help']));
    }
    const rows: BenchRow[] = [];
    const cases = [
      ['workbench info (compiled, existing workspace)', info],
      ['workbench --help (compiled)', help],
    ] as const;
    for (const [name, times] of cases) {
      rows.push({ suite: 'cli', case: name, metric: 'median wall time', value: median(times.map((t) => t.wall)), unit: 'ms', reference: { name: 'node -e 0', value: median(bare.map((t) => t.wall)) } });
    }
    if (bare.every((t) => t.cpu !== undefined)) {
      for (const [name, times] of cases) {
        rows.push({ suite: 'cli', case: name, metric: 'median CPU time (user+sys)', value: median(times.map((t) => t.cpu!)), unit: 'ms', reference: { name: 'node -e 0', value: median(bare.map((t) => t.cpu!)) } });
      }
    }
    rows.push(...otherNodeRows(workspace));
    rows.push(...(await importRows(workspace)));
    return rows;
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}
