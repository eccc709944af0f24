import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/core/import/import-file.js';
import { bundledWarmUpSample, endKeptPdfWorkers, extractPdfInWorkers, keptPdfWorkerCount, pdfWorkerThreadsStarted, warmPdfWorkers } from '../../../electron/core/import/extract-in-workers.js';
import { extractPdf } from '../../../electron/core/import/pdf/extract-pdf.js';
import { fixturePdf, listTree, readFixture, repoRoot, tempWorkspace } from './support/paths.js';
import { seedReportSpec } from './support/seed-report.js';
import { typesetReport } from './support/report-pdf.js';

describe('PDF extraction on worker threads', () => {
  let longReport: Uint8Array;
  beforeAll(async () => {
    // Long enough that the lead worker is joined by a helper (pages are shared in chunks of 8).
    longReport = (await typesetReport(await seedReportSpec(path.resolve(repoRoot, '../shared/seeds'), 40))).bytes;
  });

  it('gives the same document as extracting in-process, with the pages shared among workers and progress for every page', async () => {
    const progress: number[] = [];
    let workers = 0;
    const inWorkers = await extractPdfInWorkers(longReport, { fileName: 'collected.pdf', maxWorkers: 2, onPage: (done) => progress.push(done), onWorkerStart: (count) => (workers = count) });
    expect(workers).toBe(2);
    const inProcess = await extractPdf(longReport, { fileName: 'collected.pdf' });
    expect(inWorkers.pageCount).toBeGreaterThanOrEqual(32);
    expect(inWorkers).toEqual(inProcess);
    expect(progress).toEqual(Array.from({ length: inProcess.pageCount }, (_, i) => i + 1));
    // The caller's bytes are untouched (each worker got a copy).
    expect(longReport.byteLength).toBeGreaterThan(0);
  });

  it('gets workers ready ahead of an import (import.prepare): the import takes them and gives the same document', async () => {
    endKeptPdfWorkers();
    const warm = warmPdfWorkers({ maxWorkers: 2 });
    expect(warm.starting).toBe(2);
    // Asked again while they warm up, or once they are kept, it starts no more.
    expect(warmPdfWorkers({ maxWorkers: 2 }).starting).toBe(0);
    await warm.ready;
    expect(keptPdfWorkerCount()).toBe(2);
    expect(warmPdfWorkers({ maxWorkers: 2 }).starting).toBe(0);
    const warmed = await extractPdfInWorkers(longReport, { fileName: 'collected.pdf', maxWorkers: 2 });
    // The import ran on them and left them kept again, ready for the next.
    expect(keptPdfWorkerCount()).toBe(2);
    expect(warmed).toEqual(await extractPdfInWorkers(longReport, { fileName: 'collected.pdf', maxWorkers: 1 }));
    endKeptPdfWorkers();
    expect(keptPdfWorkerCount()).toBe(0);
  });

  it('warms up on a bundled paper, the same one every time, and on a PDF of its own when that cannot be read', async () => {
    const sample = bundledWarmUpSample(path.join(repoRoot, 'resources'));
    expect(sample).toMatch(/resources\/corpus\/pdf\/[a-z0-9-]+\.pdf$/);
    expect(bundledWarmUpSample(path.join(repoRoot, 'resources'))).toBe(sample);
    expect(bundledWarmUpSample(path.join(repoRoot, 'no-such-folder'))).toBeUndefined();
    for (const samplePdf of [sample!, path.join(repoRoot, 'no-such-file.pdf')]) {
      endKeptPdfWorkers();
      await warmPdfWorkers({ maxWorkers: 1, samplePdf }).ready;
      expect(keptPdfWorkerCount(), samplePdf).toBe(1);
    }
    endKeptPdfWorkers();
  });

  it('waits for workers still warming up instead of starting more beside them (a file picked as the dialog opens)', async () => {
    endKeptPdfWorkers();
    const before = pdfWorkerThreadsStarted();
    expect(warmPdfWorkers({ maxWorkers: 2 }).starting).toBe(2);
    const read = await extractPdfInWorkers(longReport, { fileName: 'collected.pdf', maxWorkers: 2 });
    // The two warming threads read the file; none was started for it.
    expect(pdfWorkerThreadsStarted() - before).toBe(2);
    expect(keptPdfWorkerCount()).toBe(2);
    expect(read).toEqual(await extractPdf(longReport, { fileName: 'collected.pdf' }));
    endKeptPdfWorkers();
  });

  it('ends every worker and reports CANCELLED when the signal aborts', async () => {
    const controller = new AbortController();
    const pages: number[] = [];
    await expect(
      extractPdfInWorkers(longReport, {
        fileName: 'collected.pdf',
        signal: controller.signal,
        onPage: (page) => {
          pages.push(page);
          if (page === 2) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(pages.length).toBeLessThan(30);
  });

  it('carries password errors back as WorkbenchErrors', async () => {
    await expect(extractPdfInWorkers(await readFixture('issue6010_1.pdf'), { fileName: 'issue6010_1.pdf' })).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
      message: expect.stringContaining('issue6010_1.pdf'),
    });
    const opened = await extractPdfInWorkers(await readFixture('issue6010_1.pdf'), { fileName: 'issue6010_1.pdf', password: 'abc' });
    expect(opened.pageCount).toBeGreaterThan(0);
  });

  it('serves importFile by default; a cancelled import leaves no files', async () => {
    const workspace = await tempWorkspace();
    try {
      const done = await importFile(workspace, fixturePdf('helloworld-bad.pdf'));
      if (done.status !== 'imported') throw new Error('expected an import');
      expect(done.passages.map((p) => p.text)).toEqual(['Hello, world!']);
      const id = done.document.id;

      const controller = new AbortController();
      await expect(
        importFile(workspace, fixturePdf('tracemonkey.pdf'), {
          signal: controller.signal,
          onProgress: (p) => {
            if (p.page === 1) controller.abort();
          },
        }),
      ).rejects.toMatchObject({ code: 'CANCELLED' });
      // Only the first import is there.
      expect(await listTree(path.join(workspace, 'documents'))).toEqual([id, `${id}/document.json`, `${id}/original.pdf`]);
    } finally {
      await fs.rm(workspace, { recursive: true, force: true });
    }
  });
});
