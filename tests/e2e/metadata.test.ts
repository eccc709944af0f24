import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { closeAndCheck } from './app-checks';
import { screenshot } from './screenshots';
import { routeHref } from '../../renderer/src/app/routes';
import type { DocumentSummary } from '../../electron/core/api/methods/corpus';
import type { Passage } from '../../electron/core/corpus/schema';

let app: RunningApp | undefined;
afterEach(async () => {
  const current = app;
  app = undefined;
  if (current) await closeAndCheck(current);
});
afterAll(closeBrowser);

const BRIEF = 'kcss-advance-kosovo-nato-relations';
const PRIORITIES = 'kcss-foreign-security-priorities-2026';

async function documentOf(running: RunningApp, docId: string): Promise<DocumentSummary> {
  const result = await running.core.dispatch('corpus.document', { docId });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DocumentSummary;
}

/** Nothing wider than the window, and nothing wider than the panel it sits in. */
async function fitsSideways(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel);
    return document.documentElement.scrollWidth <= window.innerWidth && (!element || element.scrollWidth <= element.clientWidth + 1);
  }, selector);
}

describe('metadata and its sources in the app', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 900, height: 700 },
  ]) {
    it(`Library cards mark an inferred year and say where it comes from (${viewport.width}×${viewport.height})`, async () => {
      app = await startApp({ viewport });
      const { page } = app;
      await app.goto(routeHref('library'));
      const card = page.locator(`.document-card[data-doc-id="${BRIEF}"]`);
      await card.waitFor();
      const year = card.locator('.document-meta dd[data-source]').first();
      // The brief prints no year; its latest dated content is the roundtable of July 17, 2025.
      expect(await year.textContent()).toBe('[2025]inferred');
      expect(await year.getAttribute('title')).toBe('Year: inferred from the latest dated content');
      const printed = page.locator(`.document-card[data-doc-id="${PRIORITIES}"] .document-meta dd[data-source]`).first();
      expect(await printed.textContent()).toBe('2026');
      expect(await printed.getAttribute('title')).toMatch(/^Year: printed in the CIP record, p\. \d+$/);
      expect(await fitsSideways(page, '.library-view')).toBe(true);
      await screenshot(page, `metadata-library-${viewport.width}`);
    });

    it(`the reader's document info lists every field with its source, and the evidence of an inferred year is a click away (${viewport.width}×${viewport.height})`, async () => {
      app = await startApp({ viewport });
      const { page } = app;
      const brief = await documentOf(app, BRIEF);
      await app.goto(routeHref('reader', [BRIEF]));
      await page.getByRole('button', { name: 'Info', exact: true }).click();
      const info = page.locator('.document-info');
      await info.waitFor();
      const fields = info.locator('.metadata-fields > div');
      expect(await fields.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field')))).toEqual(['title', 'subtitle', 'authors', 'editors', 'publishers', 'year', 'place', 'isbn', 'doi', 'url']);
      expect(await info.locator('[data-field="title"] .metadata-source').textContent()).toBe('printed on the cover');
      expect(await info.locator('[data-field="isbn"]').textContent()).toBe('ISBN—not found in the document');
      const year = info.locator('[data-field="year"]');
      expect(await year.locator('.metadata-value').textContent()).toBe('[2025]');
      expect(await year.locator('.metadata-source').textContent()).toBe('inferred from the latest dated content');

      const evidence = brief.metadataFields.find((f) => f.field === 'year')!.evidence!;
      await year.getByRole('button', { name: /Why \[2025\]\?/ }).click();
      const links = year.locator('.metadata-evidence-list a');
      expect(await links.count()).toBe(evidence.length);
      const first = evidence[0]!;
      expect(await links.first().textContent()).toBe(`p. ${first.page} · ${first.date}${first.text}`);
      expect(first.text).toContain('July 17, 2025');
      expect(await fitsSideways(page, '.document-info')).toBe(true);
      await screenshot(page, `metadata-reader-info-${viewport.width}`);

      await links.first().click();
      await expect.poll(() => page.evaluate(() => location.hash)).toContain(`passage=${first.passageId}`);
      const passages = await app.core.dispatch('corpus.passages', { docId: BRIEF });
      const target = ((passages.ok ? passages.value : []) as Passage[]).find((p) => p.id === first.passageId)!;
      expect(target.text).toContain(first.text);
      await page.locator(`.structured-text [data-passage-id="${first.passageId}"]`).waitFor();
    });
  }

  it('a printed year names the CIP record and its page; place and ISBN come from it too', async () => {
    app = await startApp();
    const { page } = app;
    const priorities = await documentOf(app, PRIORITIES);
    const yearSource = priorities.metadataFields.find((f) => f.field === 'year')!;
    await app.goto(routeHref('reader', [PRIORITIES]));
    await page.getByRole('button', { name: 'Info', exact: true }).click();
    const info = page.locator('.document-info');
    await info.waitFor();
    expect(await info.locator('[data-field="year"]').textContent()).toBe(`Year2026printed in the CIP record, p. ${yearSource.page}`);
    expect(await info.locator('[data-field="place"] .metadata-value').textContent()).toBe('Prishtinë');
    expect(await info.locator('[data-field="isbn"] .metadata-value').textContent()).toBe('978-9951-842-58-7');
    expect(await info.locator('[data-field="year"] .metadata-source').getAttribute('title')).toContain('Prishtinë : QKSS, 2026');
  });
});
