import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { routeHref } from '../../renderer/src/app/routes';
import { arben, interviewText } from '../unit/interviews/support';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';

/**
 * Issue 15 (part B): anonymising an imported interview from the Library. The dialog offers
 * the speakers found in the text, counts what each pseudonym will replace as it is typed,
 * hands the key to a download, and Ctrl+Z brings the names back.
 */
const apps = appPerTest();

describe('anonymising an interview in the app', () => {
  it('suggests the speakers, previews the counts, replaces the names everywhere, saves the key, and undoes with Ctrl+Z', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const imported = await callCore(app, 'import.bytes', { fileName: 'interview-mitrovica.txt', base64: Buffer.from(interviewText).toString('base64') });
      const docId = imported.documentId;
      const passage = app.core.corpus.passages(docId).find((candidate) => candidate.text.includes("Arben's family"))!;
      await callCore(app, 'annotations.create', { passageId: passage.id, quote: "Arben's family came from Vushtrri", topicPaths: ['Origins'] });

      await app.goto(routeHref('library', []));
      const card = page.locator(`.document-card[data-doc-id="${docId}"]`);
      await card.scrollIntoViewIfNeeded();
      await card.getByRole('button', { name: 'Anonymise…' }).click();
      const dialog = page.getByRole('dialog', { name: /Anonymise/ });
      await dialog.getByRole('rowheader', { name: /Arben Krasniqi/ }).waitFor();
      const submit = dialog.getByRole('button', { name: /Replace/ });
      expect(await submit.isDisabled()).toBe(true);
      await screenshot(page, `anonymise-suggestions-${viewport.width}`);

      await dialog.getByRole('textbox', { name: 'Pseudonym for Arben Krasniqi' }).fill('Respondent 4');
      await dialog.getByRole('textbox', { name: 'Pseudonym for Arben', exact: true }).fill('Besnik');
      const countOf = (name: string) => dialog.getByRole('row', { name: new RegExp(`^${name}\\b`) }).locator('td').last();
      await expect.poll(() => countOf('Arben Krasniqi').textContent()).toBe('4');
      await expect.poll(() => countOf('Arben speaker').textContent()).toBe('4');
      // A name typed by hand that is not in the text is flagged before anything changes.
      await dialog.getByRole('textbox', { name: 'Another name to replace' }).fill('Valon');
      await dialog.getByRole('button', { name: 'Add name' }).click();
      await dialog.getByRole('textbox', { name: 'Pseudonym for Valon' }).fill('R9');
      await dialog.getByText('“Valon” does not occur in this document').waitFor();
      expect(await submit.isDisabled()).toBe(true);
      // The notice says why the button is disabled, so it must be in sight beside it, not scrolled under the footer.
      const notice = await dialog.getByRole('alert').evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
      const footer = await dialog.locator('.modal-actions').evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
      expect(notice.height).toBeGreaterThan(0);
      expect(notice.bottom).toBeLessThanOrEqual(footer.top + 0.5);
      expect(notice.top).toBeGreaterThanOrEqual(0);
      await screenshot(page, `anonymise-preview-${viewport.width}`);
      await dialog.getByRole('textbox', { name: 'Pseudonym for Valon' }).fill('');
      expect(await submit.isVisible()).toBe(true);
      expect(await submit.isDisabled()).toBe(false);
      expect(await submit.evaluate((button) => { const box = button.getBoundingClientRect(); return box.bottom <= window.innerHeight && box.right <= window.innerWidth; })).toBe(true);

      const [download] = await Promise.all([page.waitForEvent('download'), submit.click()]);
      const key = JSON.parse(await readFile((await download.path())!, 'utf8'));
      expect(key.entries[0].replacements).toHaveLength(2);
      expect(key.entries[0].replacements).toEqual(
        expect.arrayContaining([
          { real: 'Arben Krasniqi', pseudonym: 'Respondent 4', count: 4 },
          { real: 'Arben', pseudonym: 'Besnik', count: 4 },
        ]),
      );
      const outcome = page.getByRole('dialog', { name: /Anonymised/ });
      await outcome.getByText('4 × Respondent 4').waitFor();
      await screenshot(page, `anonymise-done-${viewport.width}`);
      expect(app.core.corpus.passages(docId).map((p) => `${p.speaker}: ${p.text}`).join('\n')).not.toMatch(arben);
      const [annotation] = await callCore(app, 'annotations.list', { docId });
      expect(annotation!.target.selectors.quote.exact).toBe("Besnik's family came from Vushtrri");
      await outcome.getByRole('button', { name: 'Done' }).click();
      await outcome.waitFor({ state: 'detached' });

      // The reader shows the pseudonyms.
      await app.goto(routeHref('reader', [docId]));
      await page.getByText("Besnik's family came from Vushtrri").first().waitFor();
      await screenshot(page, `anonymise-reader-${viewport.width}`);

      // Ctrl+Z takes the whole change back.
      await page.locator('body').press('Control+z');
      await expect.poll(() => app.core.corpus.passages(docId).some((p) => p.text.includes("Arben's family"))).toBe(true);
      await page.getByText("Arben's family came from Vushtrri").first().waitFor();
      const [restored] = await callCore(app, 'annotations.list', { docId });
      expect(restored!.target.selectors.quote.exact).toBe("Arben's family came from Vushtrri");
      await apps.end();
    }
  });
});
