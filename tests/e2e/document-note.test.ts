import { describe, expect, it } from 'vitest';
import { routeHref } from '../../renderer/src/app/routes';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';

/**
 * Issue 19 ("a whole-document note"): a memo on a whole document, not on a passage. The
 * reader's document info offers one ("No note on this document yet — write one"), a
 * multi-line field saves it with Ctrl+Enter (Escape cancels), it is there after a reload,
 * and the Library's card shows it.
 */
const apps = appPerTest();
const PAPER = 'kcss-kosovo-nato-relations-2024';

describe('a note on a whole document', () => {
  it('is written in the reader’s document info on a bundled paper, kept over a reload, and shown on the Library card', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const openInfo = async () => {
        await page.getByRole('button', { name: 'Info' }).click();
        const info = page.getByRole('complementary', { name: 'Document info' });
        await info.waitFor();
        return info;
      };

      await app.goto(routeHref('reader', [PAPER]));
      let info = await openInfo();
      const section = info.getByRole('region', { name: 'Document note' });
      await section.getByText('No note on this document yet').waitFor();
      await screenshot(page, `document-note-empty-${viewport.width}`);

      // Escape cancels: nothing is written.
      await section.getByRole('button', { name: 'write one' }).click();
      const field = section.getByRole('textbox', { name: 'Document note' });
      await field.waitFor();
      expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
      await field.fill('Not this');
      await field.press('Escape');
      await field.waitFor({ state: 'detached' });
      expect(await callCore(app, 'annotations.documentNote', { docId: PAPER })).toBeNull();

      // Typed text survives a reload before it is saved.
      await section.getByRole('button', { name: 'write one' }).click();
      await field.fill('Read for chapter 2.');
      await field.press('Enter');
      await field.pressSequentially('Survey figures on p. 14.');
      await page.reload();
      info = await openInfo();
      const restored = info.getByRole('region', { name: 'Document note' }).getByRole('textbox', { name: 'Document note' });
      await expect.poll(() => restored.inputValue()).toBe('Read for chapter 2.\nSurvey figures on p. 14.');
      await screenshot(page, `document-note-editing-${viewport.width}`);

      // Ctrl+Enter saves: the note, with its author, in core and on the panel.
      await restored.press('Control+Enter');
      await restored.waitFor({ state: 'detached' });
      const saved = await callCore(app, 'annotations.documentNote', { docId: PAPER });
      expect(saved).toMatchObject({ text: 'Read for chapter 2.\nSurvey figures on p. 14.', editedBy: app.core.workspace.user.id });
      const shown = info.locator('.document-note-text');
      await expect.poll(() => shown.textContent()).toBe('Read for chapter 2.\nSurvey figures on p. 14.');
      await screenshot(page, `document-note-saved-${viewport.width}`);

      // After a reload it is still there.
      await page.reload();
      info = await openInfo();
      await expect.poll(() => info.locator('.document-note-text').textContent()).toBe('Read for chapter 2.\nSurvey figures on p. 14.');
      expect(await info.getByRole('button', { name: 'Edit note' }).isVisible()).toBe(true);

      // The Library's card says the paper has a note; the others say nothing.
      await app.goto(routeHref('library', []));
      const card = page.locator(`.document-card[data-doc-id="${PAPER}"]`);
      await card.locator('.document-has-note').waitFor();
      expect(await card.locator('.document-has-note').textContent()).toContain('Survey figures on p. 14.');
      expect(await page.locator('.document-has-note').count()).toBe(1);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, `document-note-library-${viewport.width}`);

      // A note written elsewhere (the CLI while the app runs) reaches the open card.
      await callCore(app, 'annotations.setDocumentNote', { docId: PAPER, text: 'Rewritten from the CLI' });
      await expect.poll(() => card.locator('.document-has-note').textContent()).toContain('Rewritten from the CLI');
      await apps.end();
    }
  });
});
