import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startApp } from './harness';
import { closeAndCheck } from './app-checks';
import type { RunningApp } from './harness';
import { screenshot } from './screenshots';
import { pdfOfPages, scannedReportPage } from '../unit/import/support/scans';

let app: RunningApp | undefined;
let dir: string;
let scanPdf: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fw-e2e-scan-'));
  scanPdf = join(dir, 'scanned-report.pdf');
  await writeFile(scanPdf, await pdfOfPages([{ scan: await scannedReportPage('jpeg', 150) }]));
});
afterEach(async () => {
  const current = app;
  app = undefined;
  if (current) await closeAndCheck(current);
});
afterAll(async () => {
  await closeBrowser();
  await rm(dir, { recursive: true, force: true });
});

describe('a scanned PDF in Chromium', () => {
  it('shows OCR progress while importing, then a text layer on the scan that find highlights', async () => {
    app = await startApp();
    const { page } = app;
    await app.goto('#/library');
    await page.locator('input.import-file-input').setInputFiles([scanPdf]);
    const job = page.locator('.import-job', { hasText: 'scanned-report.pdf' });
    await job.getByText('Recognising scanned page 1 of 1 (OCR)…').waitFor({ timeout: 60_000 });
    await screenshot(page, 'ocr-import-progress');
    await page.locator('.import-job[data-job-status="imported"]', { hasText: 'scanned-report.pdf' }).waitFor({ timeout: 120_000 });

    const imported = app.core.corpus.allDocuments().find((document) => document.origin === 'imported-pdf')!;
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 900, height: 700 },
    ]) {
      await page.setViewportSize(viewport);
      await app.goto(`#/reader/${imported.id}`);
      await page.locator('.pdf-page[data-page="1"][data-rendered="true"]').waitFor({ timeout: 30_000 });
      // The recognised words lie over the scan, one span each, where the scan shows them.
      const words = await page.locator('.pdf-page[data-page="1"] .textLayer > span').allTextContents();
      expect(words.join('')).toContain('Kosovo Police');
      const police = page.locator('.pdf-page[data-page="1"] .textLayer > span', { hasText: /^Police/ }).first();
      const box = (await police.boundingBox())!;
      const pageBox = (await page.locator('.pdf-page[data-page="1"]').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(pageBox.x);
      expect(box.x + box.width).toBeLessThanOrEqual(pageBox.x + pageBox.width + 1);
      expect(box.height).toBeGreaterThan(3);

      // Find searches the pane the reader is in (it never switches views): here the PDF.
      await page.locator('.pdf-scroller').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+f');
      await page.getByRole('searchbox', { name: 'Find in document' }).fill('resigned in protest');
      await page.locator('.pdf-page[data-page="1"] mark.find-hit').first().waitFor();
      const marked = await page.locator('.pdf-page[data-page="1"] mark.find-hit').allTextContents();
      expect(marked.join('').replace(/\s+/g, ' ').trim().toLowerCase()).toBe('resigned in protest');
      await screenshot(page, `ocr-reader-find-${viewport.width}x${viewport.height}`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      expect(sideways).toBe(false);
      await page.keyboard.press('Escape');
    }
  });
});
