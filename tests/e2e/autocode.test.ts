import { describe, expect, it } from 'vitest';
import { routeHref } from '../../renderer/src/app/routes';
import { importInterview } from '../unit/interviews/support';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';

/**
 * Issue 15 (part B): auto-coding from a topic's page. The dialog counts, before anything is
 * written, how many passages a speaker's turns or some words give and how many are coded
 * already; the run is one step that Ctrl+Z takes back.
 */
const apps = appPerTest();

describe('auto-coding in the app', () => {
  it('codes a speaker’s turns from the topic page, skips coded ones, and undoes with Ctrl+Z', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const docId = await importInterview(app.core);
      const topic = await callCore(app, 'topics.create', { name: 'Trust in police' });
      // One of Arben's two turns is coded already.
      const first = app.core.corpus.passages(docId).find((passage) => passage.speaker === 'Arben Krasniqi')!;
      await callCore(app, 'annotations.create', { passageId: first.id, quote: 'Twenty years', topicIds: [topic.id] });

      await app.goto(routeHref('topics', [topic.id]));
      const quotes = page.locator('.topic-quote');
      await expect.poll(() => quotes.count()).toBe(1);
      await page.getByRole('button', { name: 'Auto-code…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Auto-code with “Trust in police”' });
      await dialog.getByRole('combobox', { name: 'Speaker' }).selectOption('Arben Krasniqi');
      await dialog.getByText('2 passages match; 1 already coded with this topic; 1 to code.').waitFor();
      await screenshot(page, `autocode-speaker-${viewport.width}`);
      await dialog.getByRole('radio', { name: 'Every passage with these words' }).check();
      await dialog.getByRole('textbox', { name: 'Words' }).fill('police');
      await dialog.getByText('1 passage matches; 0 already coded with this topic; 1 to code.').waitFor();
      await screenshot(page, `autocode-query-${viewport.width}`);
      await dialog.getByRole('radio', { name: 'Every turn of a speaker' }).check();
      await dialog.getByRole('combobox', { name: 'Speaker' }).selectOption('Drita Hoxha');
      const submit = dialog.getByRole('button', { name: 'Code 2 passages' });
      await submit.waitFor();
      expect(await submit.evaluate((button) => { const box = button.getBoundingClientRect(); return box.bottom <= window.innerHeight && box.right <= window.innerWidth; })).toBe(true);
      await submit.click();
      const done = page.getByRole('dialog', { name: 'Auto-coded with “Trust in police”' });
      await done.getByText('Coded 2 passages in 1 document; 0 already coded').waitFor();
      await done.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => quotes.count()).toBe(3);
      expect((await callCore(app, 'annotations.list', { topicId: topic.id })).filter((annotation) => annotation.speaker === 'Drita Hoxha')).toHaveLength(2);
      await screenshot(page, `autocode-done-${viewport.width}`);

      await page.locator('body').press('Control+z');
      await expect.poll(() => quotes.count()).toBe(1);
      await apps.end();
    }
  });

  it('codes the passages with a search’s words from the search results, with a topic picked or made there', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      await importInterview(app.core);
      await app.goto(routeHref('search', [], { q: 'police' }));
      await page.locator('#search-results').waitFor();
      const button = page.getByRole('button', { name: 'Auto-code passages…' });
      await button.waitFor();
      await screenshot(page, `autocode-search-results-${viewport.width}`);
      expect(await page.getByRole('combobox', { name: 'Search everything' }).evaluate((input) => input.getBoundingClientRect().width)).toBeGreaterThan(240);
      await button.click();
      const dialog = page.getByRole('dialog', { name: 'Auto-code with a topic' });
      expect(await dialog.getByRole('textbox', { name: 'Words' }).inputValue()).toBe('police');
      await dialog.getByRole('combobox', { name: 'Topic' }).fill('Security / Police');
      await dialog.getByText('1 passage matches; 0 already coded with this topic; 1 to code.').waitFor();
      await screenshot(page, `autocode-search-${viewport.width}`);
      await dialog.getByRole('button', { name: 'Code 1 passage' }).click();
      await page.getByRole('dialog', { name: 'Auto-coded with “Security / Police”' }).getByRole('button', { name: 'Done' }).click();
      const coded = await callCore(app, 'annotations.list', {});
      expect(coded.map((annotation) => [annotation.target.selectors.quote.exact, annotation.topics.map((topic) => topic.path)])).toEqual([['Do you trust the police in the north?', ['Security / Police']]]);
      await apps.end();
    }
  });
});
