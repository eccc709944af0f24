import { appendFile, mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, repoRoot, startApp } from './harness';
import { closeAndCheck } from './app-checks';
import type { RunningApp } from './harness';
import { screenshot } from './screenshots';
import { views } from '../../renderer/src/app/routes';
import { openWorkspace } from '../../electron/core/store';
import { createCore, workspaceCollections } from '../../electron/core/core';
import { invokeOrThrow } from '../../electron/core/api/invoke';
import { topicsCollection } from '../../electron/core/topics';

let app: RunningApp | undefined;

afterEach(async () => {
  const current = app;
  app = undefined;
  if (current) await closeAndCheck(current);
});
afterAll(closeBrowser);

describe('the app frame in Chromium', () => {
  it('visits every view from the sidebar without a network request', async () => {
    app = await startApp();
    await app.goto('#/library');
    const { page } = app;
    await page.locator('.document-card').first().waitFor();
    expect(await page.locator('.document-card').count()).toBe(5);
    for (const view of views) {
      await page.locator('nav.sidebar a', { hasText: view.label }).click();
      await page.waitForFunction((name) => window.location.hash.startsWith(`#/${name}`), view.name);
      // The hash changes before React renders the view it names, so wait for the sidebar to follow.
      await expect.poll(() => page.locator('nav.sidebar a[aria-current="page"]').textContent()).toContain(view.label);
      await expect.poll(() => page.locator('main h1').first().textContent()).toBeTruthy();
      expect(await page.locator('main .error-state').count()).toBe(0);
    }
  });

  it('opens the command palette with Ctrl+K and jumps to a paper', async () => {
    app = await startApp();
    await app.goto('#/library');
    const { page } = app;
    const firstTitle = (await page.locator('.document-title').first().textContent())!;
    await page.keyboard.press('Control+k');
    const input = page.locator('.palette [cmdk-input]');
    await input.waitFor();
    await input.fill(firstTitle.slice(0, 24));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.location.hash.startsWith('#/reader/'));
    expect(await page.locator('.palette').count()).toBe(0);
    await expect.poll(() => page.locator('.reader-header h1').textContent()).toBe(firstTitle);
  });

  it('switches views with Ctrl+number and moves through the sidebar with the arrow keys', async () => {
    app = await startApp();
    await app.goto('#/library');
    const { page } = app;
    await page.locator('.document-card').first().waitFor();
    await page.keyboard.press('Control+3');
    await page.waitForFunction(() => window.location.hash === '#/entities');
    await page.locator('nav.sidebar a[aria-current="page"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Recommendations');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.location.hash === '#/recommendations');
  });

  it('gets typed errors back for a bad call through window.workbench', async () => {
    app = await startApp();
    await app.goto('#/library');
    const results = await app.page.evaluate(async () => [
      await window.workbench.invoke('shell.exec', { command: 'rm -rf /' }),
      await window.workbench.invoke('corpus.passages', { docId: 42 }),
    ]);
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // Only invoke and subscribe are exposed.
    expect(await app.page.evaluate(() => Object.keys(window.workbench).sort())).toEqual(['invoke', 'subscribe']);
  });

  it('tells the user when a damaged workspace file was restored from backup', async () => {
    const workspaceDir = await mkdtemp(join(tmpdir(), 'workbench-e2e-corrupt-'));
    const seeded = await openWorkspace(workspaceDir, { collections: workspaceCollections, holder: 'test' });
    const topic = { id: 't1', name: 'Trust in police', color: '#4C9F70', description: '' };
    await seeded.transact((tx) => tx.put(topicsCollection, topic));
    await seeded.close(); // compacts, and backs the snapshot up
    const good = await readFile(join(workspaceDir, 'topics.json'), 'utf8');
    await writeFile(join(workspaceDir, 'topics.json'), good.slice(0, 20));

    app = await startApp({ workspaceDir });
    await app.goto('#/library');
    const notice = app.page.locator('.notices .notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/topics\.json was damaged .* restored/);
    expect([...app.core.workspace.records(topicsCollection).values()]).toEqual([topic]);
  });

  it('lists an imported document whose saved data is damaged, marked, and shows repairs made while it runs', async () => {
    const workspaceDir = await mkdtemp(join(tmpdir(), 'workbench-e2e-damaged-'));
    const seeding = await createCore({ workspaceDir, resourcesDir: join(repoRoot, 'resources'), holder: 'test' });
    const imported = (await invokeOrThrow(seeding.dispatch, 'import.file', { path: join(repoRoot, 'tests/fixtures/transcripts/interview-mitrovica-north-2024-03.txt') })) as { documentId: string };
    await seeding.close();
    await writeFile(join(workspaceDir, 'documents', imported.documentId, 'document.json'), '{"schemaVersion": 1, "document": {');

    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 900, height: 700 },
    ]) {
      app = await startApp({ workspaceDir, viewport });
      await app.goto('#/library');
      const card = app.page.locator(`.document-card[data-doc-id="${imported.documentId}"]`);
      await card.locator('.document-damaged').waitFor();
      expect(await card.locator('.document-damaged').textContent()).toMatch(/^Damaged: The saved data of imported document .* is damaged/);
      expect(await app.page.locator('.notices .notice').first().textContent()).toMatch(/cannot be read: .* It is listed as damaged/);
      // While the app runs, another program leaves half a line in a journal: the app tells the user.
      await appendFile(join(workspaceDir, 'topics.journal'), '{"seq":77,"id":"t');
      await app.core.workspace.refresh();
      await app.page.locator('.notices .notice', { hasText: 'topics.journal was cut off' }).waitFor();
      const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await screenshot(app.page, `library-notices-${viewport.width}`);
      await card.scrollIntoViewIfNeeded();
      await screenshot(app.page, `library-damaged-document-${viewport.width}`);
      await closeAndCheck(app);
      app = undefined;
      await truncate(join(workspaceDir, 'topics.journal'), 0);
    }
  });

  it('is readable in both themes at 1280x800 and 1920x1080', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 1920, height: 1080 },
      ]) {
        app = await startApp({ colorScheme, viewport });
        const { page } = app;
        for (const hash of ['#/library', '#/entities', '#/recommendations']) {
          await app.goto(hash);
          await page.locator('main h1').first().waitFor();
          await page.waitForLoadState('networkidle');
          if (hash === '#/entities') {
            await page.locator('.entity-link').first().click();
            await page.locator('.entity-detail').waitFor();
          }
          await screenshot(page, `frame-${hash.slice(2)}-${colorScheme}-${viewport.width}`);
          // Nothing overflows the window sideways.
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        }
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(background).toBe(colorScheme === 'light' ? 'rgb(247, 246, 243)' : 'rgb(21, 24, 28)');
        expect(app.foreignRequests).toEqual([]);
        expect(app.pageErrors).toEqual([]);
        await app.close();
        app = undefined;
      }
    }
  });
});
