import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { routeHref } from '../../renderer/src/app/routes';
import { resourcesDir } from '../helpers/core';
import { interviewText } from '../unit/interviews/support';
import { appPerTest, callCore } from './app-checks';
import { screenshot } from './screenshots';

/**
 * The app open while the CLI (another process: another core on the same workspace)
 * anonymises a transcript: once the app catches up, as its watcher makes it, the reader
 * and the search results already on screen show the pseudonyms, nobody searching again.
 */
const viewports = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
] as const;

const apps = appPerTest();

describe('a transcript anonymised by the CLI while the app is open', () => {
  it('reaches the open search results and the reader without a reload', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const imported = await callCore(app, 'import.bytes', { fileName: 'interview-mitrovica.txt', base64: Buffer.from(interviewText).toString('base64') });
      const docId = imported.documentId;

      await app.goto('#/search?q=Vushtrri');
      const result = page.locator(`.search-result[data-doc-id="${docId}"]`);
      await result.first().waitFor();
      expect(await result.first().textContent()).toContain('Arben');

      const cli = await createCore({ workspaceDir: app.workspaceDir, resourcesDir, holder: 'the CLI' });
      try {
        const done = await cli.dispatch('interviews.anonymise', { docId, replacements: [{ real: 'Arben Krasniqi', pseudonym: 'Respondent 4' }, { real: 'Arben', pseudonym: 'Besim' }] });
        expect(done.ok).toBe(true);
      } finally {
        await cli.close();
      }
      // What the app's watcher does when the CLI's journal lines appear.
      await app.core.workspace.refresh();
      await expect.poll(() => result.first().textContent()).toContain('Besim');
      expect(await result.first().textContent()).not.toContain('Arben');
      await screenshot(page, `content-travel-search-${viewport.width}`);

      await app.goto(routeHref('reader', [docId]));
      const family = page.locator('.passage').filter({ hasText: 'came from Vushtrri' });
      await family.first().waitFor();
      expect(await family.first().textContent()).toContain("Besim's family");
      expect(await page.locator('main').textContent()).not.toMatch(/\bArben\b/);
      await screenshot(page, `content-travel-reader-${viewport.width}`);
    }
  });
});
