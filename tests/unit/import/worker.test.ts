import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/core/import/import-file.js';
import { runExtractionInWorker } from '../../../electron/core/import/run-in-worker.js';
import { extractPdf } from '../../../electron/core/import/pdf/extract-pdf.js';
import { fixturePdf, listTree, readFixture, tempWorkspace } from './support/paths.js';

describe('extraction on a worker thread', () => {
  it('gives the same result as extracting in-process, with progress messages', async () => {
    const bytes = await readFixture('tracemonkey.pdf');
    const pages: number[] = [];
    const inWorker = await runExtractionInWorker(bytes, { fileName: 'tracemonkey.pdf', onProgress: (page) => pages.push(page) });
    const inProcess = await extractPdf(bytes, { fileName: 'tracemonkey.pdf' });
    expect(inWorker).toEqual(inProcess);
    expect(pages).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    // The caller's bytes are untouched (a copy went to the worker).
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('ends the worker and reports CANCELLED when the signal aborts', async () => {
    const controller = new AbortController();
    const pages: number[] = [];
    await expect(
      runExtractionInWorker(await readFixture('tracemonkey.pdf'), {
        fileName: 'tracemonkey.pdf',
        signal: controller.signal,
        onProgress: (page) => {
          pages.push(page);
          if (page === 2) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(pages.length).toBeLessThan(14);
  });

  it('carries password errors back as WorkbenchErrors', async () => {
    await expect(runExtractionInWorker(await readFixture('issue6010_1.pdf'), { fileName: 'issue6010_1.pdf' })).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
      message: expect.stringContaining('issue6010_1.pdf'),
    });
  });

  it('serves importFile as its PDF extractor; a cancelled import leaves no files', async () => {
    const workspace = await tempWorkspace();
    try {
      const done = await importFile(workspace, fixturePdf('helloworld-bad.pdf'), { pdfExtractor: runExtractionInWorker });
      if (done.status !== 'imported') throw new Error('expected an import');
      expect(done.passages.map((p) => p.text)).toEqual(['Hello, world!']);
      const id = done.document.id;

      const controller = new AbortController();
      await expect(
        importFile(workspace, fixturePdf('tracemonkey.pdf'), {
          pdfExtractor: runExtractionInWorker,
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
