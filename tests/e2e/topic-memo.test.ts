import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { routeHref } from '../../renderer/src/app/routes';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';
import { frameInPlace } from './selection';

/** Issue 19, "code memos/definitions for topics": written on the Topic page, at both window sizes. */
const apps = appPerTest();

describe('a topic’s memo (its definition)', () => {
  it('is written on the Topic page (Escape cancels, Ctrl+Enter saves), kept after a reload, edited, undone, and goes out in the codebook', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const security = await callCore(app, 'topics.create', { name: 'Security' });
      const trust = await callCore(app, 'topics.create', { name: 'Trust in police', parentId: security.id });
      const description = async () => (await callCore(app, 'topics.list', {})).find((topic) => topic.id === trust.id)!.description;
      await app.goto(routeHref('topics', [trust.id]));
      const memo = page.getByRole('region', { name: 'Definition' });
      await memo.getByText('No definition yet — write what this code means.').waitFor();
      await screenshot(page, `topic-memo-empty-${viewport.width}`);

      // Escape leaves it as it was.
      await memo.getByRole('button', { name: 'Write definition' }).click();
      const field = page.getByRole('textbox', { name: 'Definition' });
      await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
      await field.fill('Not this');
      await field.press('Escape');
      await memo.getByText('No definition yet — write what this code means.').waitFor();
      expect(await description()).toBe('');
      // The page is still there: Escape in the field closed only the form.
      expect(page.url()).toContain(trust.id);

      // Multi-line; Enter is a new line, Ctrl+Enter saves.
      await memo.getByRole('button', { name: 'Write definition' }).click();
      await field.fill('Whether people trust the police to act.');
      await field.press('Enter');
      await field.type('Apply when someone says whom they would call.');
      expect(await page.getByRole('textbox', { name: 'Definition' }).count()).toBe(1);
      expect(await page.locator('.topic-memo-hint').textContent()).toMatch(/Ctrl\+Enter saves · Escape cancels/);
      await screenshot(page, `topic-memo-editing-${viewport.width}`);
      await field.press('Control+Enter');
      const written = 'Whether people trust the police to act.\nApply when someone says whom they would call.';
      await expect.poll(description).toBe(written);
      await expect.poll(() => memo.locator('.topic-memo-text').innerText()).toBe(written);
      expect(await frameInPlace(page)).toMatchObject({ sideways: false });
      await screenshot(page, `topic-memo-saved-${viewport.width}`);

      // Kept after a reload: it is in the workspace, not the page.
      await page.reload();
      await expect.poll(() => page.getByRole('region', { name: 'Definition' }).locator('.topic-memo-text').innerText()).toBe(written);

      // Edited with the Save button, then undone from the page.
      await memo.getByRole('button', { name: 'Edit definition' }).click();
      expect(await field.inputValue()).toBe(written);
      await field.fill('A shorter definition.');
      await page.getByRole('button', { name: 'Save definition' }).click();
      await expect.poll(description).toBe('A shorter definition.');
      await memo.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(description).toBe(written);
      await expect.poll(() => memo.locator('.topic-memo-text').innerText()).toBe(written);
      // And redone, with the app's Ctrl+Shift+Z outside the field, as any topic edit.
      await page.locator('.topic-page-header h2').click();
      await page.keyboard.press('Control+Shift+Z');
      await expect.poll(description).toBe('A shorter definition.');

      // The topic's own Markdown export opens with it.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
      expect(download.suggestedFilename()).toBe('security-trust-in-police.md');
      expect(await readFile((await download.path())!, 'utf8')).toBe('# Security / Trust in police\n\nA shorter definition.\n');

      // The codebook export carries it as the code's Description.
      const codebook = await callCore(app, 'topics.exportCodebook', { format: 'qdc' });
      expect(codebook.text).toContain('name="Trust in police" isCodable="true"');
      expect(codebook.text).toContain('<Description>A shorter definition.</Description>');
      await apps.end();
    }
  });
});
