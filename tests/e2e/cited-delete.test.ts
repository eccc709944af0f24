import { describe, expect, it } from 'vitest';
import { passageHref, routeHref } from '../../renderer/src/app/routes';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';

/**
 * Issue 19, defect 4: deleting an annotation a draft cites warned of nothing, and the
 * citation became "[source not found]" and left the bibliography. Now the delete asks,
 * naming the drafts (with links), and the draft keeps the citation and its bibliography
 * entry, marked "quote deleted", until the author decides.
 */
const apps = appPerTest();
const needle = 'accredit a Centre of Excellence (COE) in Kosovo';

describe('deleting an annotation a draft cites (defect 4)', () => {
  it('warns with the drafts that cite it, and after the delete the draft still shows the citation and its bibliography entry', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const passage = app.core.corpus.corpus.passages.find((candidate) => candidate.text.includes(needle))!;
      const annotation = await callCore(app, 'annotations.create', { passageId: passage.id, quote: needle, note: 'cheapest signal' });
      const draft = await callCore(app, 'drafts.create', { title: 'Kosovo and NATO', markdown: `A centre would be the cheapest signal [@${annotation.id}].` });
      const before = await callCore(app, 'drafts.format', { content: draft.content, style: draft.style });
      const citationText = before.citations[0]!.text;
      const entryText = before.bibliography.entries[0]!.text;

      await app.goto('#/annotations');
      const item = page.locator(`.annotations-view-list > li[data-item="${annotation.id}"]`);
      await item.waitFor();
      await item.getByRole('button', { name: 'Delete' }).click();
      const dialog = page.getByRole('dialog', { name: 'A draft cites this annotation' });
      await dialog.waitFor();
      const link = dialog.getByRole('link', { name: 'Kosovo and NATO' });
      expect(await link.getAttribute('href')).toBe(routeHref('drafts', [draft.id]));
      expect(await dialog.textContent()).toContain('1 citation');
      expect(await dialog.textContent()).toContain(needle);
      await screenshot(page, `cited-delete-warning-${viewport.width}`);
      // The dialog fits the window, its buttons in view.
      const confirm = dialog.getByRole('button', { name: 'Delete, keep the citations' });
      const box = (await confirm.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);

      // The link opens the draft and deletes nothing.
      await link.click();
      await page.waitForURL(new RegExp(`#/drafts/${draft.id}`));
      await expect.poll(() => page.locator('.citation-chip').first().textContent()).toBe(citationText);
      expect((await callCore(app, 'annotations.get', { id: annotation.id })).id).toBe(annotation.id);

      // Deleting it for real, confirmed.
      await app.goto('#/annotations');
      await item.getByRole('button', { name: 'Delete' }).click();
      await dialog.getByRole('button', { name: 'Delete, keep the citations' }).click();
      await dialog.waitFor({ state: 'detached' });
      await item.waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('.annotations-view-count').textContent()).toContain('Annotation deleted');

      // The draft still shows the citation, formatted as before, marked, and its bibliography entry.
      await app.goto(routeHref('drafts', [draft.id]));
      const chip = page.locator('.citation-chip');
      await expect.poll(() => chip.first().textContent()).toBe(citationText);
      expect(await chip.first().getAttribute('class')).toContain('is-quote-deleted');
      expect(await chip.first().getAttribute('class')).not.toContain('is-missing');
      expect(await page.locator('.draft-prose').textContent()).not.toContain('source not found');
      const mark = page.locator('.citation-deleted-mark');
      await mark.waitFor();
      expect(await mark.getAttribute('title')).toContain(needle);
      await expect.poll(() => page.locator('.draft-bibliography .csl-entry').allTextContents()).toEqual([entryText]);
      await screenshot(page, `cited-delete-draft-${viewport.width}`);

      // The choice: cite the passage instead. The citation and the bibliography stay; the mark goes.
      await mark.click();
      const editor = page.getByRole('dialog', { name: 'Edit citation' });
      await editor.getByText('Quote deleted.').waitFor();
      await screenshot(page, `cited-delete-choice-${viewport.width}`);
      const cite = editor.getByRole('button', { name: 'Cite the passage', exact: true });
      const citeBox = (await cite.boundingBox())!;
      expect(citeBox.y + citeBox.height).toBeLessThanOrEqual(viewport.height);
      expect(citeBox.x + citeBox.width).toBeLessThanOrEqual(viewport.width);
      await cite.click();
      await mark.waitFor({ state: 'detached' });
      expect(await chip.count()).toBe(1);
      await expect.poll(() => page.locator('.draft-bibliography .csl-entry').allTextContents()).toEqual([entryText]);
      await expect
        .poll(async () => JSON.stringify((await callCore(app, 'drafts.get', { id: draft.id })).content))
        .toContain(`"targetKind":"passage","targetId":"${passage.id}"`);
      await apps.end();
    }
  });

  it('asks from the reader’s annotation cards too, and Ctrl+Z brings the annotation back whole, the draft’s citation no longer marked', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const passage = app.core.corpus.corpus.passages.find((candidate) => candidate.text.includes(needle))!;
      const annotation = await callCore(app, 'annotations.create', { passageId: passage.id, quote: needle, note: 'cheapest signal', topicPaths: ['Security / NATO'] });
      const draft = await callCore(app, 'drafts.create', { title: 'Kosovo and NATO', markdown: `A centre would be the cheapest signal [@${annotation.id}].` });
      const formatted = async () => callCore(app, 'drafts.format', { content: (await callCore(app, 'drafts.get', { id: draft.id })).content, style: draft.style });

      await app.goto(passageHref(passage.docId, passage.id));
      const card = page.locator(`.annotations-sidebar .annotation-card[data-annotation-id="${annotation.id}"]`);
      await page.locator('.text-column mark.annotation-highlight').first().waitFor();
      if (!(await page.locator('.annotations-sidebar').isVisible())) await page.getByRole('button', { name: /^Annotations/ }).click();
      await card.waitFor();
      await card.getByRole('button', { name: 'Delete' }).click();
      const dialog = page.getByRole('dialog', { name: 'A draft cites this annotation' });
      await dialog.waitFor();
      expect(await dialog.getByRole('link', { name: 'Kosovo and NATO' }).getAttribute('href')).toBe(routeHref('drafts', [draft.id]));
      await screenshot(page, `cited-delete-reader-warning-${viewport.width}`);
      // Escape keeps it.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect((await callCore(app, 'annotations.get', { id: annotation.id })).id).toBe(annotation.id);

      await card.getByRole('button', { name: 'Delete' }).click();
      await dialog.getByRole('button', { name: 'Delete, keep the citations' }).click();
      await card.waitFor({ state: 'detached' });
      await expect.poll(async () => (await formatted()).citations[0]!.quoteDeleted?.quote).toBe(needle);

      await page.keyboard.press('Control+z');
      await card.waitFor();
      const restored = await callCore(app, 'annotations.get', { id: annotation.id });
      expect(restored.note).toBe('cheapest signal');
      expect(restored.topics.map((topic) => topic.path)).toEqual(['Security / NATO']);
      const after = await formatted();
      expect(after.citations[0]!.quoteDeleted).toBeUndefined();
      expect(after.bibliography.entries).toHaveLength(1);
      await apps.end();
    }
  });
});
