import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { routeHref } from '../../renderer/src/app/routes';
import { resourcesDir } from '../helpers/core';
import { arben, interviewText } from '../unit/interviews/support';
import { call } from '../unit/team/support';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';

/**
 * The app open while the CLI (another process: another core on the same workspace)
 * anonymises a transcript: once the app catches up, as its watcher makes it, the reader
 * and the search results already on screen show the pseudonyms, nobody searching again.
 */
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

describe('a transcript anonymised by a colleague after she shared it', () => {
  it('Team → Exchange merges her next bundle: the newer version is counted, and the reader shows the pseudonyms', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const dir = await mkdtemp(join(tmpdir(), 'workbench-e2e-content-'));
      const amina = await createCore({ workspaceDir: join(dir, 'amina'), resourcesDir, holder: 'a test' });
      try {
        await call(amina, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
        const mine = join(dir, 'mine.fwx');
        await call(app.core, 'team.exportBundle', { out: mine });
        await call(amina, 'team.mergeBundle', { file: mine, join: true });
        const docId = (await call(amina, 'import.bytes', { fileName: 'interview-mitrovica.txt', base64: Buffer.from(interviewText).toString('base64') })).documentId;
        const first = await call(amina, 'team.exportBundle', { out: join(dir, 'amina-1.fwx') });
        await call(app.core, 'team.mergeBundle', { file: first.file });
        expect(JSON.stringify(app.core.corpus.passages(docId).map((passage) => passage.text))).toMatch(arben);
        await call(amina, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben Krasniqi', pseudonym: 'Respondent 4' }, { real: 'Arben', pseudonym: 'Besim' }] });
        const second = await call(amina, 'team.exportBundle', { out: join(dir, 'amina-2.fwx'), since: first.lastSeq });

        await app.goto(routeHref('team', ['exchange']));
        app.bundleDialogPaths.push(second.file);
        await page.getByRole('button', { name: 'Merge a colleague’s bundle…' }).click();
        await page.getByText('Merged Amina Berisha’s bundle').waitFor();
        const counts = Object.fromEntries(
          await page.locator('.exchange-counts > div').evaluateAll((items) => items.map((item) => [item.querySelector('dt')!.textContent, Number(item.querySelector('dd')!.textContent)])),
        );
        expect(counts).toMatchObject({ Conflicts: 0, 'Newer versions': 1 });
        const outside = await page.evaluate(() =>
          [...document.querySelectorAll('.team-view button, .team-view dl div')].filter((element) => {
            const box = element.getBoundingClientRect();
            return box.width > 0 && (box.right > window.innerWidth + 0.5 || box.bottom > document.documentElement.scrollHeight + 0.5);
          }).length,
        );
        expect(outside).toBe(0);
        await screenshot(page, `content-travel-exchange-${viewport.width}`);

        await app.goto(routeHref('reader', [docId]));
        await page.locator('.passage').filter({ hasText: "Besim's family" }).first().waitFor();
        expect(await page.locator('main').textContent()).not.toMatch(/\bArben\b/);
      } finally {
        await amina.close();
        await rm(dir, { recursive: true, force: true });
      }
    }
  });
});
