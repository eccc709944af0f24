/** Search in real Chromium: the Search view, its facets and keys, and the palette's quick results. */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SearchResponse } from '../../electron/core/search/types';
import { closeBrowser, startApp } from './harness';
import { closeAndCheck } from './app-checks';
import type { RunningApp } from './harness';
import { screenshot } from './screenshots';

let app: RunningApp | undefined;

afterEach(async () => {
  const current = app;
  app = undefined;
  if (current) await closeAndCheck(current);
});
afterAll(closeBrowser);

const input = '#search-everything-input';

async function coreSearch(page: Page, query: string, limit = 100): Promise<SearchResponse> {
  return page.evaluate(async ([q, n]) => {
    const result = await window.workbench.invoke('search.query', { query: q, limit: n });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as SearchResponse;
  }, [query, limit] as const);
}

/** The count the status line reports, once the results for `query` are on screen. */
async function shownTotal(page: Page): Promise<number> {
  const text = (await page.locator('.search-status').textContent()) ?? '';
  const match = /^(\d+) results?/.exec(text);
  return match ? Number(match[1]) : -1;
}

async function typeQuery(page: Page, query: string): Promise<void> {
  await page.locator(input).fill('');
  await page.locator(input).pressSequentially(query);
  await page.waitForFunction((q) => window.location.hash === `#/search?q=${encodeURIComponent(q)}`, query);
  await expect.poll(() => page.locator('.search-pending').count()).toBe(0);
}

describe('the Search view in Chromium', () => {
  it('finds Vučić for vucic, highlighted, narrows by every facet to exactly its count, and opens a passage in the reader', async () => {
    app = await startApp();
    await app.goto('#/search');
    const { page } = app;
    await page.locator(input).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-everything-input');

    await typeQuery(page, 'vucic');
    const passage = page.locator('.search-result[data-type="passage"]').filter({ hasText: 'Vučić' }).first();
    await passage.waitFor();
    // The mark covers the name as written (the catalogue's full name counts as the same person).
    expect((await passage.locator('mark').allTextContents()).some((text) => text.includes('Vučić'))).toBe(true);
    const expected = await coreSearch(page, 'vucic');
    expect(await shownTotal(page)).toBe(expected.total);
    expect(await page.locator('.search-result').count()).toBe(expected.results.length);
    expect(await page.locator('.search-group h2').allTextContents()).toEqual(expected.groups.map((g) => expect.stringContaining(String(g.results.length))));

    // Each facet value narrows to exactly its count, and a second click un-narrows.
    for (const facet of ['type', 'document', 'entity']) {
      const values = page.locator(`.facet-panel[data-facet="${facet}"] .facet-value`);
      const n = await values.count();
      expect(n, `${facet} facet has values`).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) {
        const value = page.locator(`.facet-panel[data-facet="${facet}"] .facet-value`).nth(i);
        const name = await value.getAttribute('data-value');
        const count = Number(await value.locator('.facet-count').textContent());
        await value.click();
        await expect.poll(() => page.locator(`.facet-panel[data-facet="${facet}"] .facet-value[data-value="${name}"]`).getAttribute('aria-pressed')).toBe('true');
        await expect.poll(() => shownTotal(page), { message: `${facet} ${name}` }).toBe(count);
        expect(await page.locator('.search-result').count()).toBe(Math.min(count, 100));
        if (facet === 'type') expect(new Set(await page.locator('.search-result').evaluateAll((els) => els.map((el) => el.getAttribute('data-type'))))).toEqual(new Set([name]));
        if (facet === 'document') expect(new Set(await page.locator('.search-result').evaluateAll((els) => els.map((el) => el.getAttribute('data-doc-id'))))).toEqual(new Set([name]));
        await page.locator(`.facet-panel[data-facet="${facet}"] .facet-value[data-value="${name}"]`).click();
        await expect.poll(() => shownTotal(page)).toBe(expected.total);
      }
    }

    await screenshot(page, 'search-vucic-light');
    const target = page.locator('.search-result[data-type="passage"]').first();
    const docId = await target.getAttribute('data-doc-id');
    const passageId = await target.getAttribute('data-id');
    await target.locator('a').click();
    await page.waitForFunction(() => window.location.hash.startsWith('#/reader/'));
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/reader/${docId}?passage=${passageId}`);

    // From the reader (which has its own Ctrl+F), Ctrl+Shift+F goes to search, not to find.
    await page.locator('.reader-header h1').waitFor();
    await page.keyboard.press('Control+Shift+F');
    await page.waitForFunction(() => window.location.hash.startsWith('#/search'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-everything-input');

    // Back at an empty search box, the search is among the recent ones.
    await app.goto('#/search');
    await page.locator('.search-recent').waitFor();
    expect(await page.locator('.search-recent button').allTextContents()).toContain('vucic');
    await page.locator('.search-recent button', { hasText: 'vucic' }).click();
    await expect.poll(() => page.locator(input).inputValue()).toBe('vucic');
  });

  it('moves through results with Up and Down and opens the chosen one with Enter', async () => {
    app = await startApp();
    await app.goto('#/search?q=Banjska');
    const { page } = app;
    await page.locator('.search-result').nth(2).waitFor();
    expect(await page.locator(input).inputValue()).toBe('Banjska');
    await page.locator(input).focus();
    await expect.poll(() => page.locator('.search-result').first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const second = page.locator('.search-result').nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(input).getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
    const href = await second.locator('a').getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForFunction((h) => window.location.hash === h, href);
    expect(href).toMatch(/^#\/(reader|entities|topics|drafts)\//);
  });

  it('says when it shows close spellings, and gives advice when nothing matches', async () => {
    app = await startApp();
    await app.goto('#/search');
    const { page } = app;
    await typeQuery(page, 'Banjksa');
    await page.locator('.search-fuzzy').waitFor();
    expect(await page.locator('.search-fuzzy').textContent()).toContain('No exact matches — showing close spellings');
    expect(await page.locator('.search-result mark').count()).toBeGreaterThan(0);
    for (const [width, height] of [[1280, 800], [900, 700]] as const) {
      await page.setViewportSize({ width, height });
      // The notice and the first result stay whole in the window at both sizes.
      for (const selector of ['.search-fuzzy', '.search-result']) {
        const box = (await page.locator(selector).first().boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, selector).toBeLessThanOrEqual(width);
        expect(box.y + box.height, selector).toBeLessThanOrEqual(height);
      }
      await screenshot(page, `search-close-spellings-${width}`);
    }

    await typeQuery(page, 'qqxxzzyy');
    await page.locator('.empty-state', { hasText: 'Nothing found' }).waitFor();
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(await page.locator('.search-fuzzy').count()).toBe(0);
  });

  it('focuses the search box with Ctrl+Shift+F from another view', async () => {
    app = await startApp();
    await app.goto('#/library');
    const { page } = app;
    await page.locator('.document-card').first().waitFor();
    await page.keyboard.press('Control+Shift+F');
    await page.waitForFunction(() => window.location.hash.startsWith('#/search'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-everything-input');
  });

  it('finds a new annotation as soon as it is saved', async () => {
    app = await startApp();
    const { page, core } = app;
    await app.goto('#/search');
    const passage = core.corpus.corpus.passages.find((p) => p.kind === 'paragraph' && p.text.includes('Banjska'))!;
    const made = await page.evaluate(
      (passageId) => window.workbench.invoke('annotations.create', { passageId, quote: 'Banjska', note: 'Compare the zeppelin hangar reports' }),
      passage.id,
    );
    expect(made.ok).toBe(true);
    await typeQuery(page, 'zeppelin');
    const result = page.locator('.search-result[data-type="annotation"]');
    await result.waitFor();
    expect(await result.locator('a').getAttribute('href')).toBe(`#/reader/${passage.docId}?passage=${passage.id}`);
  });
});

describe('quick search in the command palette', () => {
  it('shows the top results as you type and opens the Search view for everything', async () => {
    app = await startApp();
    await app.goto('#/library');
    const { page } = app;
    await page.locator('.document-card').first().waitFor();
    await page.keyboard.press('Control+k');
    await page.locator('.palette [cmdk-input]').pressSequentially('Banjska');
    const quick = page.locator('.palette-search-group [cmdk-item]');
    await quick.first().waitFor();
    const expected = await coreSearch(page, 'Banjska', 8);
    expect(await quick.evaluateAll((els) => els.map((el) => el.getAttribute('data-result-id')))).toEqual(expected.results.map((r) => r.id));
    expect(await page.locator('.palette-search-group mark').first().textContent()).toBe('Banjska');
    // Views, papers and entities stay: Banjska is an entity too.
    expect(await page.locator('.palette [cmdk-group-heading]').allTextContents()).toEqual(expect.arrayContaining(['Entities', 'Search results', 'Search']));

    await page.locator('.palette [cmdk-item]', { hasText: 'Search everything for “Banjska”' }).click();
    await page.waitForFunction(() => window.location.hash === '#/search?q=Banjska');
    expect(await page.locator('.palette').count()).toBe(0);
    await expect.poll(() => shownTotal(page)).toBe(expected.total);
  });

  it('opens a quick result where it lives', async () => {
    app = await startApp();
    await app.goto('#/library');
    const { page } = app;
    await page.locator('.document-card').first().waitFor();
    await page.keyboard.press('Control+k');
    await page.locator('.palette [cmdk-input]').pressSequentially('silence procedure');
    const passage = page.locator('.palette-search-group [cmdk-item][data-result-id^="passage:"]').first();
    await passage.waitFor();
    const id = (await passage.getAttribute('data-result-id'))!.slice('passage:'.length);
    await passage.click();
    await page.waitForFunction(() => window.location.hash.startsWith('#/reader/'));
    expect(await page.evaluate(() => window.location.hash)).toMatch(new RegExp(`\\?passage=${id}$`));
  });
});

describe('search screenshots', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`Search view with results and facets, and the palette with quick results (${colorScheme})`, async () => {
      app = await startApp({ colorScheme });
      await app.goto('#/search?q=centre%20of%20excellence');
      const { page } = app;
      await page.locator('.search-result mark').first().waitFor();
      await page.locator('.facet-panel[data-facet="document"]').waitFor();
      await screenshot(page, `search-view-${colorScheme}`);

      await page.keyboard.press('Control+k');
      await page.locator('.palette [cmdk-input]').pressSequentially('KSF');
      await page.locator('.palette-search-group [cmdk-item]').first().waitFor();
      await page.locator('.palette-search-group [cmdk-group-heading]').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await screenshot(page, `search-palette-${colorScheme}`);
    });
  }
});
