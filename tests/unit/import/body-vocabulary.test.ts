import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyVocabulary, keptLineWords } from '../../../electron/core/import/pdf/body-vocabulary.js';
import { readFileMetadata } from '../../../electron/core/import/pdf/extract-pdf.js';
import { collectVocabulary } from '../../../electron/core/import/pdf/join-lines.js';
import { openPdf } from '../../../electron/core/import/pdf/open-pdf.js';
import { findPageFurniture, type PageSegments } from '../../../electron/core/import/pdf/page-furniture.js';
import { readPdfPages } from '../../../electron/core/import/pdf/read-pages.js';
import { structurePdf, type PdfFileMetadata } from '../../../electron/core/import/pdf/structure-pdf.js';
import { readFixture, repoRoot } from './support/paths.js';
import { typesetReport } from './support/report-pdf.js';
import { seedReportSpec } from './support/seed-report.js';

async function readAll(bytes: Uint8Array, fileName: string): Promise<{ pages: PageSegments[]; meta: PdfFileMetadata; pageCount: number }> {
  const { doc, task } = await openPdf(bytes, fileName);
  try {
    const read = await readPdfPages(doc, Array.from({ length: doc.numPages }, (_, i) => i + 1), { fileName });
    return { pages: read.pages, meta: await readFileMetadata(doc), pageCount: doc.numPages };
  } finally {
    await task.destroy();
  }
}

/** What two workers would gather: pages shared in chunks of 8, in turn, each word sent once per worker. */
function gatherInTwoWorkers(pages: PageSegments[]): string[] {
  const workers = [new BodyVocabulary(), new BodyVocabulary()];
  const sent: string[] = [];
  for (let start = 0; start < pages.length; start += 8) {
    const worker = workers[(start / 8) % 2]!;
    for (const page of pages.slice(start, start + 8)) worker.addPage(page);
    sent.push(...worker.takeNew());
  }
  return sent;
}

describe('the vocabulary gathered while pages are read', () => {
  it('is, with the margin lines that are not furniture, every word of the lines the document keeps', async () => {
    // A report with a running header and page numbers (furniture) and words split at line ends.
    const report = await typesetReport(await seedReportSpec(path.resolve(repoRoot, '../shared/seeds'), 20));
    const corpusPaper = new Uint8Array(await readFile(path.join(repoRoot, 'resources/corpus/pdf/kcss-kosovo-nato-relations-2024.pdf')));
    for (const [name, bytes] of [['report.pdf', report.bytes], ['kcss-kosovo-nato-relations-2024.pdf', corpusPaper]] as const) {
      const { pages } = await readAll(bytes, name);
      const furniture = findPageFurniture(pages);
      expect(furniture.size).toBeGreaterThan(0);
      const everyKeptLine = collectVocabulary(pages.flatMap((p) => p.segments.filter((s) => !furniture.has(s)).map((s) => s.text)));
      const gathered = new Set(gatherInTwoWorkers(pages));
      expect(keptLineWords(gathered, pages, furniture)).toEqual(everyKeptLine);
      // The margins carry words of their own (headers, page numbers) that must stay out.
      expect(gathered.size).toBeLessThan(collectVocabulary(pages.flatMap((p) => p.segments.map((s) => s.text))).size);
    }
  });

  it('gives the document that collecting the words after the last page gives', async () => {
    const report = await typesetReport(await seedReportSpec(path.resolve(repoRoot, '../shared/seeds'), 20));
    expect(report.splitWords.length).toBeGreaterThan(0);
    for (const [name, bytes] of [['report.pdf', report.bytes], ['tracemonkey.pdf', await readFixture('tracemonkey.pdf')]] as const) {
      const { pages, meta, pageCount } = await readAll(bytes, name);
      const collected = structurePdf(pages, meta, name, pageCount);
      const gathered = structurePdf(pages, meta, name, pageCount, gatherInTwoWorkers(pages));
      expect(gathered.passages.length).toBeGreaterThan(10);
      expect(gathered).toEqual(collected);
    }
  });
});
