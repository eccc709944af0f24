import { describe, expect, it } from 'vitest';
import { routeHref } from '../../renderer/src/app/routes';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';

/**
 * Issue 13: a citation group `[@a; @b]` is one citation in the editor, as in every export:
 * one parenthesis in an author-date style (the group's first citation shows it, the next a
 * small "+" that still opens its own source), one note in a note style. The draft's export
 * buttons, one more now (Markdown keyed by passage), stay in the window.
 */
const apps = appPerTest();

describe('a citation group in the draft editor', () => {
  it('shows one formatted group and one note, with every export button in view', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const paragraphs = app.core.corpus.corpus.passages.filter((passage) => passage.kind === 'paragraph' && passage.text.length > 200);
      const [first, second] = [paragraphs[3]!, paragraphs.find((passage) => passage.docId !== paragraphs[3]!.docId)!];
      const markdown = `Kosovo's allies agree on this [@${first.id}, p. 2; @${second.id}, p. 3]. Then the argument goes on.`;
      const draft = await callCore(app, 'drafts.create', { title: 'Grouped citations', markdown, style: 'chicago-author-date' });
      const formatted = await callCore(app, 'drafts.format', { content: draft.content, style: draft.style });
      expect(formatted.citations[1]!.groupedWithPrevious).toBe(true);

      await app.goto(routeHref('drafts', [draft.id]));
      const chips = page.locator('.draft-prose .citation-chip');
      await expect.poll(() => chips.allTextContents()).toEqual([formatted.citations[0]!.text, '+']);
      expect(formatted.citations[0]!.text).toMatch(/^\(.+; .+\)$/);
      expect(await chips.nth(1).getAttribute('title')).toContain('Cited together with the citation before it');
      await screenshot(page, `citation-group-author-date-${viewport.width}`);
      for (const button of await page.locator('.export-menu button').all()) {
        const box = (await button.boundingBox())!;
        expect(box.x + box.width, await button.textContent() ?? '').toBeLessThanOrEqual(viewport.width);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      }

      const notes = await callCore(app, 'drafts.create', { title: 'Grouped notes', markdown, style: 'chicago-note-bibliography' });
      await app.goto(routeHref('drafts', [notes.id]));
      await expect.poll(() => chips.allTextContents()).toEqual(['1', '+']);
      const listed = page.locator('.draft-footnotes li');
      await expect.poll(() => listed.count()).toBe(1);
      expect(await listed.first().textContent()).toContain('; ');
      await screenshot(page, `citation-group-note-${viewport.width}`);
    }
  }, 180_000);

  it('makes a group from the keyboard: Ctrl+Shift+C right against a citation cites another source with it', async () => {
    const app = await apps.start({ viewport: viewports[0] });
    const { page } = app;
    const draft = await callCore(app, 'drafts.create', { title: 'Typed group', style: 'chicago-author-date' });
    await app.goto(routeHref('drafts', [draft.id]));
    await page.locator('.draft-prose').click();
    await page.keyboard.type('Allies agree');
    const cite = async (query: string) => {
      await page.keyboard.press('Control+Shift+C');
      await page.locator('.citation-picker').waitFor();
      await page.keyboard.type(query);
      await page.locator('.citation-picker-result').first().waitFor();
      await expect.poll(() => page.locator('.citation-picker-query strong').textContent()).toBe(query);
      await page.keyboard.press('Enter');
      await page.locator('.citation-picker').waitFor({ state: 'detached' });
    };
    await cite('silence procedure');
    // The picker left a space to type on; taken back, the next citation stands against the first.
    await page.keyboard.press('Backspace');
    await cite('centre of excellence');
    const chips = page.locator('.draft-prose .citation-chip');
    await expect.poll(() => chips.count()).toBe(2);
    await expect.poll(() => chips.nth(1).textContent()).toBe('+');
    const first = (await chips.first().textContent()) ?? '';
    expect(first).toMatch(/^\(.+; .+\)$/);
    // Saved as a group: the Markdown export writes one [@a; @b].
    await expect.poll(async () => (await callCore(app, 'drafts.export', { id: draft.id, format: 'md' })).data).toMatch(/Allies agree \[@[^\]]+; @[^\]]+\]/);
  }, 120_000);
});
