/**
 * `npm run bench`: runs every bench/*.bench.ts, prints one table, and writes the rows to
 * bench-results/latest.json (plus a timestamped copy). Rows with a reference were measured
 * against it in the same run, so the ratio is what to compare between machines.
 * `npm run bench -- search` runs only the files whose name contains "search".
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from '../bench/types';

const root = resolve(import.meta.dirname, '..');

function format(value: number): string {
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function renderTable(rows: BenchRow[]): string {
  const header = ['suite', 'case', 'metric', 'value', 'unit', 'reference', 'ratio'];
  const body = rows.map((row) => [
    row.suite,
    row.case,
    row.metric,
    format(row.value),
    row.unit,
    row.reference ? `${row.reference.name} ${format(row.reference.value)}` : '',
    row.reference && row.reference.value !== 0 ? `${format(row.value / row.reference.value)}x` : '',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  // Other jobs on the machine move every figure: the load average is kept with the results.
  const loadBefore = loadavg();
  const files = (await readdir(join(root, 'bench'))).filter((name) => name.endsWith('.bench.ts') && (!filter || name.includes(filter))).sort();
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  for (const file of files) {
    process.stderr.write(`running ${file}…\n`);
    try {
      const module = (await import(pathToFileURL(join(root, 'bench', file)).href)) as BenchModule;
      rows.push(...(await module.run()));
    } catch (error) {
      failures.push(`${file}: ${(error as Error).message}`);
    }
  }
  console.log(renderTable(rows));
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage: { before: loadBefore, after: loadavg() } },
    rows,
    failures,
  };
  const outDir = join(root, 'bench-results');
  await mkdir(outDir, { recursive: true });
  const json = JSON.stringify(result, null, 2);
  await writeFile(join(outDir, 'latest.json'), json);
  await writeFile(join(outDir, `bench-${result.at.replace(/[:.]/g, '-')}.json`), json);
  console.log(`\nload average (1, 5, 15 min) before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after: ${result.machine.loadAverage.after.map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`results written to bench-results/latest.json`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} benchmark file(s) failed:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
