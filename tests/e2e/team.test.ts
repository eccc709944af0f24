import { mkdtemp, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ArgsOf, MethodName, ResultOf } from '../../electron/core/api/contract';
import { createCore, type Core } from '../../electron/core/core';
import { closeAndCheck } from './app-checks';
import { resourcesDir } from '../helpers/core';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { screenshot } from './screenshots';
import { code, importTranscript } from '../unit/team/support';
import { startCouchServer } from '../helpers/couch-server';

let app: RunningApp | undefined;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  const current = app;
  app = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
  if (current) await closeAndCheck(current);
});
afterAll(closeBrowser);

async function call<M extends MethodName>(core: Core, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const result = await core.dispatch(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as ResultOf<M>;
}

/** Every file of the workspace as text, to look for what must not be kept there. */
async function readWorkspaceText(dir: string): Promise<string> {
  const { readdir, readFile } = await import('node:fs/promises');
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(names.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')));
  return texts.join('\n');
}

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth, main: document.querySelector('.main')!.scrollWidth, mainClient: document.querySelector('.main')!.clientWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  expect(widths.main).toBeLessThanOrEqual(widths.mainClient);
}

/**
 * The app's workspace (the harness names its user "Test Researcher") codes passages 1-8 of
 * a 20-paragraph interview; Besnik, in a workspace of his own that joined the project from
 * a bundle, codes 3-10 and edits one of the same annotations' notes as the app's user does.
 * His bundle is merged into the app's workspace: 16 annotations, one conflict.
 */
async function withColleague(running: RunningApp) {
  const { docId, passageIds } = await importTranscript(running.core);
  const topic = await call(running.core, 'topics.create', { name: 'Trust in police' });
  const mine = await code(running.core, passageIds, 1, 8, topic.id);
  const dir = await mkdtemp(join(tmpdir(), 'workbench-e2e-colleague-'));
  const colleague = await createCore({ workspaceDir: join(dir, 'besnik'), resourcesDir, holder: 'a test' });
  cleanups.push(async () => {
    await colleague.close();
    await rm(dir, { recursive: true, force: true });
  });
  await call(colleague, 'app.setUser', { name: 'Besnik Gashi', id: 'besnik' });
  await call(running.core, 'team.exportBundle', { out: join(dir, 'mine.fwx') });
  await call(colleague, 'team.mergeBundle', { file: join(dir, 'mine.fwx'), join: true });
  await code(colleague, passageIds, 3, 10, topic.id);
  await call(colleague, 'annotations.update', { id: mine[0]!, note: 'Besnik: the speaker hesitates here' });
  await call(running.core, 'annotations.update', { id: mine[0]!, note: 'Mine: a clear statement of distrust' });
  await call(colleague, 'team.exportBundle', { out: join(dir, 'besnik.fwx') });
  const merged = await call(running.core, 'team.mergeBundle', { file: join(dir, 'besnik.fwx') });
  expect(merged).toMatchObject({ added: 9, conflicts: 1 });
  return { docId, passageIds, topic, conflicted: mine[0]! };
}

describe('working as a team', () => {
  it('asks at first run who works here, offering the account name, and writes as them from then on', async () => {
    app = await startApp({ firstRun: true });
    const { page } = app;
    await app.goto('#/library');
    const dialog = page.getByRole('dialog', { name: 'Who is working here?' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Your name').inputValue()).toBe(userInfo().username);
    await screenshot(page, 'team-first-run-1280');
    await page.setViewportSize({ width: 900, height: 700 });
    await screenshot(page, 'team-first-run-900');
    await dialog.getByLabel('Your name').fill('Amina Berisha');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const users = await call(app.core, 'team.users', {});
    expect(users.confirmed).toBe(true);
    expect(users.users.find((user) => user.current)?.name).toBe('Amina Berisha');
    // Not asked again.
    await page.reload();
    await page.getByRole('heading', { name: 'Library' }).first().waitFor();
    expect(await page.getByRole('dialog', { name: 'Who is working here?' }).count()).toBe(0);
  });

  it('shows agreement per topic with the disagreeing passages a click away, and the conflict with both versions to choose from', async () => {
    app = await startApp();
    const { page } = app;
    const { docId, passageIds, conflicted } = await withColleague(app);

    await app.goto('#/team/agreement');
    const row = page.locator('.agreement-table tr[data-topic-id]');
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(['0.583', '6', '2', '2', '10', '0.800 / 0.520']);
    await screenshot(page, 'team-agreement-1280');
    await page.getByRole('link', { name: '4 disagreements' }).click();
    const passages = page.locator('.agreement-disagreements li');
    await passages.first().waitFor();
    expect(await passages.count()).toBe(4);
    expect(await passages.allTextContents()).toEqual([
      expect.stringContaining('coded by Test Researcher only'),
      expect.stringContaining('coded by Test Researcher only'),
      expect.stringContaining('coded by Besnik Gashi only'),
      expect.stringContaining('coded by Besnik Gashi only'),
    ]);
    await page.setViewportSize({ width: 900, height: 700 });
    await noSidewaysScroll(page);
    const table = await page.locator('.agreement-table-wrap').evaluate((element) => element.scrollWidth <= element.clientWidth);
    expect(table).toBe(true);
    await screenshot(page, 'team-agreement-900');
    await passages.first().locator('a').click();
    await page.waitForURL((url) => url.hash === `#/reader/${docId}?passage=${passageIds[0]}`);

    // The reader's annotation list: authors shown, filter by coder, colour by coder.
    // A 900 px window opens the reader with its annotations folded away, as a user finds it.
    await page.getByRole('button', { name: 'Annotations (16)' }).click();
    const cards = page.locator('.annotations-sidebar .annotation-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(16);
    await page.getByLabel('Filter by coder').selectOption({ label: 'Besnik Gashi' });
    expect(await cards.count()).toBe(8);
    expect(await cards.locator('.annotation-card-coder').allTextContents()).toEqual(Array(8).fill(' · Besnik Gashi'));
    await page.getByLabel('Filter by coder').selectOption({ label: 'Any coder' });
    await page.getByLabel('Colour by coder').check();
    const borders = await cards.evaluateAll((elements) => [...new Set(elements.map((element) => getComputedStyle(element).borderLeftColor))]);
    expect(borders).toHaveLength(2);
    await screenshot(page, 'team-reader-by-coder-900');
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'team-reader-by-coder-1280');

    await app.goto('#/team/conflicts');
    const conflict = page.locator(`.conflict-item[data-conflict-id="${conflicted}"]`);
    await conflict.waitFor();
    expect(await conflict.locator('.conflict-version').count()).toBe(2);
    expect(await conflict.textContent()).toContain('Besnik: the speaker hesitates here');
    expect(await conflict.textContent()).toContain('Mine: a clear statement of distrust');
    await noSidewaysScroll(page);
    await screenshot(page, 'team-conflicts-1280');
    await page.setViewportSize({ width: 900, height: 700 });
    await noSidewaysScroll(page);
    await screenshot(page, 'team-conflicts-900');
    await conflict.getByRole('article', { name: 'Version by Besnik Gashi' }).getByRole('button', { name: 'Keep this version' }).click();
    await page.getByRole('heading', { name: 'No conflicts' }).waitFor();
    expect((await call(app.core, 'annotations.get', { id: conflicted })).note).toBe('Besnik: the speaker hesitates here');
    expect(await call(app.core, 'team.conflicts', {})).toEqual([]);

    await app.goto('#/team/people');
    await page.getByText('Besnik Gashi').first().waitFor();
    await screenshot(page, 'team-people-900');
  });

  it('syncs from the Team page with the password kept by the host, never in the workspace; the page itself reaches nothing but the app', async () => {
    const couch = await startCouchServer();
    cleanups.push(() => couch.close());
    app = await startApp({ viewport: { width: 900, height: 700 } });
    const { page } = app;
    const { passageIds } = await importTranscript(app.core);
    const topic = await call(app.core, 'topics.create', { name: 'Trust in police' });
    await code(app.core, passageIds, 1, 3, topic.id);
    await couch.createDatabase(app.core.workspace.identity.projectId);
    await couch.createUser('amina', 'correct horse');

    await app.goto('#/team/sync');
    await page.getByText('Not synced yet.').waitFor();
    await page.getByLabel('Server address').fill(couch.url);
    await page.getByLabel('Your name on the server').fill('amina');
    await page.getByLabel('Password').fill('correct horse');
    await screenshot(page, 'team-sync-900');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.locator('.sync-done, .sync-error').waitFor();
    expect(await page.locator('.sync-status').textContent()).toMatch(/^Synced: \d+ revisions sent; 0 added, 0 updated, 0 conflicts\.$/);
    expect(app.hostCalls).toContainEqual({ method: 'team.saveSyncLogin', args: { username: 'amina' } });
    // The server has the three annotations; the workspace keeps the address, never the password.
    const onServer = (await (await fetch(`${couch.url}${app.core.workspace.identity.projectId}/_all_docs`)).json()) as { rows: Array<{ id: string }> };
    expect(onServer.rows.filter((row) => row.id.startsWith('annotations:'))).toHaveLength(3);
    const workspaceFiles = await readWorkspaceText(app.workspaceDir);
    expect(workspaceFiles).toContain(couch.url);
    expect(workspaceFiles).not.toContain('correct horse');
    await page.getByText(/^Last sync /).waitFor();
    expect(await page.getByLabel('Password').getAttribute('placeholder')).toBe('kept in the system keychain');
    await noSidewaysScroll(page);
    await screenshot(page, 'team-sync-done-900');
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'team-sync-done-1280');

    // Sync configured, not triggered: going around the app sends nothing anywhere (closeAndCheck).
    const seq = app.core.workspace.lastSeq;
    for (const hash of ['#/library', '#/team/people', '#/team/conflicts', '#/team/agreement', '#/team/sync']) {
      await app.goto(hash);
      await page.locator('.main').waitFor();
    }
    expect(app.core.workspace.lastSeq).toBe(seq);
  });
});
