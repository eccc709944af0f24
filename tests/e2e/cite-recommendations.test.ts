import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { routeHref } from '../../renderer/src/app/routes';
import type { RunningApp } from './harness';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';

/**
 * Issue 19, defect 10's last part: recommendations can be cited, from the draft editor's
 * `@` picker and from the Recommendations view, at the two window sizes the users had.
 * Each citation is a normal citation of the recommendation's passage: checked through core.
 */
const apps = appPerTest();

const fromPicker = 'kcss-advance-kosovo-nato-relations-rec-4';
const fromView = 'kcss-foreign-security-priorities-2026-rec-2';

async function recommendation(app: RunningApp, id: string) {
  const found = (await callCore(app, 'corpus.recommendations', {})).find((item) => item.id === id);
  if (!found) throw new Error(`no recommendation ${id}`);
  return found;
}

async function citedPassages(app: RunningApp, draftId: string) {
  const draft = await callCore(app, 'drafts.get', { id: draftId });
  const formatted = await callCore(app, 'drafts.format', { content: draft.content, style: draft.style });
  return { draft, formatted };
}

async function chipTexts(page: Page): Promise<string[]> {
  return (await page.locator('.citation-chip').allTextContents()).map((text) => text.trim());
}

describe('recommendations can be cited (defect 10)', () => {
  it('cites a recommendation from the @ picker and from the Recommendations view, as a citation of its passage', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page, core } = app;
      const first = await recommendation(app, fromPicker);
      const second = await recommendation(app, fromView);
      const firstPaper = core.corpus.document(first.docId);
      const secondPaper = core.corpus.document(second.docId);
      const firstPage = core.corpus.passage(first.passageId).page;

      const draft = await callCore(app, 'drafts.create', { title: 'Kosovo in NATO’s centres' });
      await app.goto(routeHref('drafts', [draft.id]));
      await page.locator('.draft-prose').click();
      await page.keyboard.type('The paper asks for observer status ');

      // The picker finds a recommendation by its number and words, labelled with its paper.
      await page.keyboard.type('@rec 4 observer');
      const row = page.locator(`.citation-picker-result.is-recommendation[data-recommendation-id="${fromPicker}"]`);
      await row.waitFor();
      expect(await page.locator('.citation-picker-result').first().getAttribute('data-recommendation-id')).toBe(fromPicker);
      await expect.poll(() => row.locator('.citation-picker-kind').textContent()).toBe(`Recommendation 4 · p. ${firstPage} · ${firstPaper.title}`);
      await screenshot(page, `cite-recommendation-picker-${viewport.width}`);
      await page.keyboard.press('Enter');
      await page.locator('.citation-picker').waitFor({ state: 'detached' });
      await page.keyboard.type('.');

      // Formatted in the draft's style (Chicago author-date: the passage's page), in the bibliography.
      await expect.poll(() => page.locator('.citation-chip:not(.is-pending)').count()).toBe(1);
      expect((await chipTexts(page))[0]).toMatch(new RegExp(`^\\(.+, ${firstPage}\\)$`));
      await expect.poll(() => page.locator('.draft-bibliography .csl-entry').allTextContents()).toEqual([expect.stringContaining(firstPaper.title)]);
      await expect.poll(() => page.locator('.save-status').textContent()).toBe('Saved');

      // Through core: a citation of the recommendation's passage, its paper in the bibliography.
      {
        const { draft: stored, formatted } = await citedPassages(app, draft.id);
        const citations = JSON.stringify(stored.content);
        expect(citations).toContain(`"targetKind":"passage","targetId":"${first.passageId}","docId":"${first.docId}","locator":"${firstPage}"`);
        expect(formatted.citations.map((citation) => citation.passageId)).toEqual([first.passageId]);
        expect(formatted.bibliography.entries.map((entry) => entry.text).join('\n')).toContain(firstPaper.title);
      }

      // The Recommendations view: "Cite in draft…" offers the draft open last and appends there.
      await app.goto(routeHref('recommendations'));
      const item = page.locator(`li.recommendation[data-recommendation-id="${fromView}"]`);
      await item.getByRole('button', { name: `Cite recommendation ${second.ordinal} in a draft` }).click();
      const dialog = page.getByRole('dialog', { name: 'Cite in a draft' });
      await dialog.waitFor();
      expect(await dialog.getByLabel('Draft').inputValue()).toBe(draft.id);
      expect(await dialog.locator('option:checked').textContent()).toBe('Kosovo in NATO’s centres (open last)');
      await screenshot(page, `cite-recommendation-dialog-${viewport.width}`);
      await dialog.getByRole('button', { name: 'Cite', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      const confirmation = item.getByRole('status');
      await expect.poll(() => confirmation.textContent()).toBe('Cited in “Kosovo in NATO’s centres”. Open the draft');
      await screenshot(page, `cite-recommendation-confirmed-${viewport.width}`);

      {
        const { draft: stored, formatted } = await citedPassages(app, draft.id);
        const secondPage = core.corpus.passage(second.passageId).page;
        expect(JSON.stringify(stored.content)).toContain(`"targetKind":"passage","targetId":"${second.passageId}","docId":"${second.docId}","locator":"${secondPage}"`);
        expect(formatted.citations.map((citation) => citation.passageId)).toEqual([first.passageId, second.passageId]);
        const bibliography = formatted.bibliography.entries.map((entry) => entry.text).join('\n');
        expect(bibliography).toContain(firstPaper.title);
        expect(bibliography).toContain(secondPaper.title);
      }

      // The link opens the draft, where both citations are formatted and both papers listed.
      await confirmation.getByRole('link', { name: 'Open the draft' }).click();
      await page.waitForFunction((id) => window.location.hash === `#/drafts/${id}`, draft.id);
      await expect.poll(() => page.locator('.citation-chip:not(.is-pending)').count()).toBe(2);
      await expect.poll(() => page.locator('.draft-bibliography .csl-entry').count()).toBe(2);
      expect(await page.locator('.draft-bibliography').textContent()).toContain(secondPaper.title);
      await screenshot(page, `cite-recommendation-draft-${viewport.width}`);
      await apps.end();
    }
  });

  it('refuses to append a citation of nothing, or to a paper it is not in', async () => {
    const app = await apps.start();
    const draft = await callCore(app, 'drafts.create', {});
    const bad = await app.core.dispatch('drafts.appendCitation', { id: draft.id, citation: { targetKind: 'passage', targetId: 'no-such-passage', docId: 'x' } });
    expect(bad.ok ? undefined : bad.error.code).toBe('BAD_REQUEST');
    const rec = await recommendation(app, fromView);
    const wrongPaper = await app.core.dispatch('drafts.appendCitation', { id: draft.id, citation: { targetKind: 'passage', targetId: rec.passageId, docId: 'kcss-advance-kosovo-nato-relations' } });
    expect(wrongPaper.ok ? undefined : wrongPaper.error.code).toBe('BAD_REQUEST');
    const extra = await app.core.dispatch('drafts.appendCitation', { id: draft.id, citation: { targetKind: 'passage', targetId: rec.passageId, docId: rec.docId, html: '<b>' } as never });
    expect(extra.ok ? undefined : extra.error.code).toBe('BAD_REQUEST');
    expect((await callCore(app, 'drafts.get', { id: draft.id })).content).toEqual(draft.content);
  });
});
