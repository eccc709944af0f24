import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { routeHref } from '../../renderer/src/app/routes';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';
import { fixture } from '../unit/references/support';

/**
 * Issue 13's reference library in Chromium: a .bib imported from the Library is listed with
 * its key, cited from the draft editor's @ picker (after the search hits), formatted and
 * listed in the bibliography; at both window sizes, with no control off-screen.
 */
const apps = appPerTest();

/** Every visible button and link of the view lies inside the window. */
async function controlsOffScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('.view button, .view a, .view input')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.left < 0 || box.right > window.innerWidth + 0.5) out.push(`${element.tagName} “${element.textContent?.trim() || element.getAttribute('aria-label') || ''}” at ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
    return out;
  });
}

describe('the reference library in the app', () => {
  it('imports a .bib in the Library, lists it, cites it from the @ picker and shows it in the bibliography', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const size = `${viewport.width}x${viewport.height}`;

      // The command palette opens the References tab; its empty state says how to bring a Zotero library in.
      await app.goto(routeHref('library'));
      await page.locator('.document-title').first().waitFor();
      await page.keyboard.press('Control+k');
      const paletteInput = page.locator('.palette [cmdk-input]');
      await paletteInput.waitFor();
      await paletteInput.fill('references');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.location.hash === '#/library/references');
      const empty = page.getByRole('status').filter({ hasText: 'No references yet' });
      await empty.waitFor();
      expect(await empty.textContent()).toContain('File → Export Library…');
      expect(await controlsOffScreen(page)).toEqual([]);
      await screenshot(page, `references-empty-${size}`);

      await page.locator('input.import-file-input').setInputFiles(fixture('better-bibtex.bib'));
      const job = page.locator('.import-job[data-job-status="imported"]', { hasText: 'better-bibtex.bib' });
      await job.waitFor();
      expect(await job.textContent()).toContain('BibTeX: added 4, merged 0, skipped 0.');
      const row = page.locator('.references-table tr[data-citation-key="bieber2015kosovo"]');
      await row.waitFor();
      expect((await row.locator('td').allTextContents()).map((text) => text.trim())).toEqual([
        'Bieber, Florian; Vučić, Aleksandar; Radojičić, Milan',
        '2015',
        'The Serbia-Kosovo Agreements: An EU Success Story? · Review of Central and East European Law',
        'Article',
        'bieber2015kosovo',
        'Delete',
      ]);
      await expect.poll(() => page.locator('.library-tabs a[aria-current="page"]').textContent()).toBe('References (4)');
      await screenshot(page, `references-imported-${size}`);
      await page.getByRole('button', { name: 'Clear finished' }).click();
      // The filter finds by folded words.
      await page.getByLabel('Filter references').fill('vucic');
      await expect.poll(() => page.locator('.references-table tbody tr').count()).toBe(1);
      expect(await controlsOffScreen(page)).toEqual([]);
      await screenshot(page, `references-library-${size}`);
      await page.getByLabel('Filter references').fill('');

      // Cite it in a draft from the @ picker: references come after the passage hits.
      const draft = await callCore(app, 'drafts.create', { title: 'Statehood and policing' });
      await app.goto(routeHref('drafts', [draft.id]));
      await page.locator('.draft-prose').click();
      await page.keyboard.type('Kosovo is contested ');
      await page.keyboard.type('@judah');
      const reference = page.locator('.citation-picker-result.is-reference[data-citation-key="judah2008"]');
      await reference.waitFor();
      expect((await reference.textContent())?.replace(/\s+/g, ' ')).toBe('Reference · judah2008Kosovo: What Everyone Needs to KnowJudah, Tim (2008)');
      await screenshot(page, `references-picker-${size}`);
      await page.keyboard.press('Enter');
      await page.locator('.citation-picker').waitFor({ state: 'detached' });
      await page.keyboard.type('. The alliance ');
      // A query with passage hits: the reference follows them, so Enter takes the hit.
      await page.keyboard.type('@Kosovo NATO');
      await page.locator('.citation-picker-result').first().waitFor();
      await expect.poll(async () => (await page.locator('.citation-picker-result').first().getAttribute('class')) ?? '').not.toContain('is-reference');
      await page.keyboard.press('Escape');
      for (let i = 0; i < '@Kosovo NATO'.length; i++) await page.keyboard.press('Backspace');
      await page.keyboard.type('agrees.');

      await expect.poll(() => page.locator('.citation-chip:not(.is-pending)').first().textContent()).toBe('(Judah 2008)');
      await expect.poll(() => page.locator('.draft-bibliography .csl-entry').allTextContents()).toEqual([expect.stringMatching(/^Judah, Tim\. 2008\. Kosovo: What Everyone Needs to Know\. Oxford: Oxford University Press\./)]);
      await expect.poll(() => page.locator('.save-status').textContent()).toBe('Saved');
      expect(await controlsOffScreen(page)).toEqual([]);
      await screenshot(page, `references-draft-${size}`);

      // Stored as a citation of the reference; a click on it shows the reference in the Library.
      const stored = await callCore(app, 'drafts.get', { id: draft.id });
      const judah = (await callCore(app, 'references.list', { query: 'judah2008' }))[0]!;
      expect(JSON.stringify(stored.content)).toContain(`"targetKind":"reference","targetId":"${judah.id}","docId":"${judah.id}"`);
      // Deleted elsewhere (the CLI, another window), the open draft shows the citation as not found; brought back, formatted again.
      const chip = page.locator('.citation-chip').first();
      await callCore(app, 'references.delete', { id: judah.id, cited: 'delete' });
      await expect.poll(() => chip.textContent()).toBe('[source not found]');
      await callCore(app, 'references.undo', {});
      await expect.poll(() => chip.textContent()).toBe('(Judah 2008)');
      await page.locator('.citation-chip').first().click();
      await page.waitForFunction(() => window.location.hash.startsWith('#/library/references'));
      const judahRow = page.locator('.references-table tr.is-highlighted[data-citation-key="judah2008"]');
      await judahRow.waitFor();

      // Deleting a cited reference asks first, naming the draft; Undo brings it back.
      await judahRow.getByRole('button', { name: 'Delete judah2008' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete judah2008?' });
      await dialog.waitFor();
      expect(await dialog.locator('li').allTextContents()).toEqual(['Statehood and policing (1 citation)']);
      expect(await controlsOffScreen(page)).toEqual([]);
      await screenshot(page, `references-delete-cited-${size}`);
      await dialog.getByRole('button', { name: 'Delete reference' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('.references-table tr[data-citation-key="judah2008"]').count()).toBe(0);
      const status = page.getByRole('status').filter({ hasText: 'Deleted judah2008' });
      await status.getByRole('button', { name: 'Undo' }).click();
      await page.locator('.references-table tr[data-citation-key="judah2008"]').waitFor();
      expect((await callCore(app, 'references.list', {})).map((view) => view.citationKey)).toContain('judah2008');
      await apps.end();
    }
  }, 240_000);
});
