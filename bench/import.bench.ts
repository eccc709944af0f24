import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { extractPdf } from '../electron/core/import/pdf/extract-pdf';
import { typesetReport } from '../tests/unit/import/support/report-pdf';
import { seedReportSpec } from '../tests/unit/import/support/seed-report';
import type { BenchRow } from './types';

const run$ = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '..');
const runs = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function pdftotextMs(file: string): Promise<number> {
  const start = performance.now();
  await run$('pdftotext', [file, '-'], { maxBuffer: 256 * 1024 * 1024 });
  return performance.now() - start;
}

async function extractMs(bytes: Uint8Array, fileName: string): Promise<{ ms: number; pages: number }> {
  const start = performance.now();
  const result = await extractPdf(bytes, { fileName });
  return { ms: performance.now() - start, pages: result.pageCount };
}

/**
 * PDF import speed: pages per second of `extractPdf` (text, layout, headings, footnotes)
 * against `pdftotext` (poppler-utils, spawned) on the same files in the same run:
 * tracemonkey.pdf and a ~300-page report typeset from the seed papers at bench time.
 * The table's ratio is extractPdf's speed as a share of pdftotext's.
 */
export async function run(): Promise<BenchRow[]> {
  await run$('pdftotext', ['-v']).catch(() => {
    throw new Error('pdftotext is not installed: run `apt-get install -y poppler-utils` (the import benchmark measures against it)');
  });
  const dir = await mkdtemp(join(tmpdir(), 'workbench-import-bench-'));
  try {
    const long = await typesetReport(await seedReportSpec(resolve(repoRoot, '../shared/seeds'), 300));
    const longFile = join(dir, 'collected-papers.pdf');
    await writeFile(longFile, long.bytes);
    const files = [
      { name: 'tracemonkey.pdf', path: resolve(repoRoot, '../shared/fixtures/pdfs/tracemonkey.pdf') },
      { name: `collected-papers.pdf (generated)`, path: longFile },
    ];
    const rows: BenchRow[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(await readFile(file.path));
      await extractMs(bytes, file.name); // warm-up: pdf.js loads its worker code once
      const ours: number[] = [];
      const reference: number[] = [];
      let pages = 0;
      for (let i = 0; i < runs; i++) {
        const measured = await extractMs(bytes, file.name);
        pages = measured.pages;
        ours.push(measured.ms);
        reference.push(await pdftotextMs(file.path));
      }
      const pagesPerSecond = (ms: number) => (pages / ms) * 1000;
      rows.push(
        {
          suite: 'import',
          case: `${file.name}, ${pages} pages`,
          metric: 'extraction speed (median of 3)',
          value: pagesPerSecond(median(ours)),
          unit: 'pages/s',
          reference: { name: 'pdftotext', value: pagesPerSecond(median(reference)) },
        },
        {
          suite: 'import',
          case: `${file.name}, ${pages} pages`,
          metric: 'extraction time (median of 3)',
          value: median(ours),
          unit: 'ms',
          reference: { name: 'pdftotext', value: median(reference) },
        },
      );
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
