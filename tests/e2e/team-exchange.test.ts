import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, exchangedCollections, type Core } from '../../electron/core/core';
import { resourcesDir } from '../helpers/core';
import { call, code, importTranscript } from '../unit/team/support';
import { appPerTest } from './app-checks';
import type { RunningApp } from './harness';
import { screenshot } from './screenshots';

const apps = appPerTest();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function tempFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-e2e-exchange-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function colleague(dir: string, id: string, name: string): Promise<Core> {
  const core = await createCore({ workspaceDir: join(dir, id), resourcesDir, holder: 'a test' });
  cleanups.unshift(() => core.close());
  await call(core, 'app.setUser', { name, id });
  return core;
}

/** Everything the workspace holds, to see that a refused merge changed nothing. */
function state(core: Core) {
  return { seq: core.workspace.lastSeq, projectId: core.workspace.identity.projectId, changes: core.workspace.changes(0).results.map((change) => `${change.collection}/${change.id}@${change.rev}`) };
}

async function noButtonOffScreen(page: Page) {
  const viewport = page.viewportSize()!;
  const outside = await page.evaluate(
    ({ width }) =>
      [...document.querySelectorAll('.team-view button, .team-view a, .team-view input')]
        .map((element) => ({ text: (element.textContent ?? '').trim() || element.getAttribute('aria-label') || '', box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.right > width + 0.5 || box.left < -0.5))
        .map(({ text }) => text),
    viewport,
  );
  expect(outside).toEqual([]);
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
}

async function merge(app: RunningApp, file: string) {
  app.bundleDialogPaths.push(file);
  await app.page.getByRole('button', { name: 'Merge a colleague’s bundle…' }).click();
}

describe('exchanging bundles from the Team view', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 900, height: 700 },
  ]) {
    it(`exports my work and merges a colleague's bundle, with the counts, the conflicts one click away, and clear refusals (${viewport.width}x${viewport.height})`, async () => {
      const app = await apps.start({ viewport });
      const { page } = app;
      const dir = await tempFolder();
      const { passageIds } = await importTranscript(app.core);
      const topic = await call(app.core, 'topics.create', { name: 'Trust in police' });
      const mine = await code(app.core, passageIds, 1, 8, topic.id);

      await app.goto('#/team/exchange');
      await page.getByRole('heading', { name: 'Exchange work without a connection' }).waitFor();
      await noButtonOffScreen(page);

      // Cancelling the save dialog writes nothing and says so.
      await page.getByRole('button', { name: 'Export my work…' }).click();
      await page.getByText('Export cancelled: no bundle was written.').waitFor();

      // Export everything where the (fake) save dialog says.
      const exported = app.core.workspace.changes(0, { collections: exchangedCollections.map((definition) => definition.name) }).results.length;
      const mineFile = join(dir, 'mine.fwx');
      app.bundleDialogPaths.push(mineFile);
      await page.getByRole('button', { name: 'Export my work…' }).click();
      await page.getByText('Bundle written').waitFor();
      expect(app.hostCalls.filter((call) => call.method === 'team.saveBundleDialog').at(-1)?.args).toEqual({ suggestedName: `test-researcher-${new Date().toISOString().slice(0, 10)}.fwx` });
      expect((await stat(mineFile)).size).toBeGreaterThan(0);
      const outcome = page.locator('.exchange-outcome');
      expect(await outcome.textContent()).toContain(`${exported} records, 1 document`);
      // The next export offers "what changed after this bundle".
      expect(await page.getByRole('radio', { name: 'What changed after bundle number' }).isChecked()).toBe(true);
      const lastSeq = Number(await page.getByLabel('Changed after this bundle number').inputValue());
      expect(lastSeq).toBe(app.core.workspace.lastSeq);

      // Besnik joins from it, codes 3-10 and edits the note of one of my quotes, which I edit too.
      const besnik = await colleague(dir, 'besnik', 'Besnik Gashi');
      await call(besnik, 'team.mergeBundle', { file: mineFile, join: true });
      await code(besnik, passageIds, 3, 10, topic.id);
      await call(besnik, 'annotations.update', { id: mine[0]!, note: 'Besnik: the speaker hesitates here' });
      await call(app.core, 'annotations.update', { id: mine[0]!, note: 'Mine: a clear statement of distrust' });
      const besnikFile = join(dir, 'besnik.fwx');
      await call(besnik, 'team.exportBundle', { out: besnikFile });

      // An incremental export holds only what changed after the first bundle: my one edit.
      const sinceFile = join(dir, 'mine-2.fwx');
      app.bundleDialogPaths.push(sinceFile);
      await page.getByRole('button', { name: 'Export my work…' }).click();
      await page.getByText(/1 record, 0 documents/).waitFor();
      const incremental = JSON.parse(await (await JSZip.loadAsync(await readFile(sinceFile))).file('manifest.json')!.async('string')) as { since: number; records: number };
      expect(incremental).toMatchObject({ since: lastSeq, records: 1 });

      // Bad bundles: each a clear error in the view, nothing changed.
      const good = await readFile(besnikFile);
      const zip = await JSZip.loadAsync(good);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
      const variant = async (name: string, change: (copy: Record<string, unknown>) => void) => {
        const copy = structuredClone(manifest);
        change(copy);
        const altered = await JSZip.loadAsync(good);
        altered.file('manifest.json', JSON.stringify(copy));
        const file = join(dir, name);
        await writeFile(file, await altered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
        return file;
      };
      const truncated = join(dir, 'truncated.fwx');
      await writeFile(truncated, good.subarray(0, Math.floor(good.length * 0.6)));
      const cases = [
        { file: await variant('other.fwx', (copy) => (copy.projectId = 'fw-00000000-0000-4000-8000-000000000000')), message: /belongs to another project/ },
        { file: truncated, message: /not a whole exchange bundle.*cut short while being copied/ },
        { file: await variant('newer.fwx', (copy) => (copy.formatVersion = 2)), message: /newer Field Workbench.*Update the app/ },
        { file: await variant('newer-schema.fwx', (copy) => ((copy.collections as Record<string, number>).annotations = 99)), message: /annotations records of a newer schema/ },
      ];
      for (const item of cases) {
        const before = state(app.core);
        await merge(app, item.file);
        const alert = page.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toMatch(/The bundle could not be merged/);
        expect(await alert.textContent()).toMatch(item.message);
        expect(await alert.textContent()).toMatch(/nothing was merged/);
        // This workspace has work of its own: it is not offered to join another project.
        expect(await page.getByRole('button', { name: 'Join the project and merge' }).count()).toBe(0);
        expect(state(app.core)).toEqual(before);
      }
      await screenshot(page, `team-exchange-error-${viewport.width}x${viewport.height}`);

      // Besnik's real bundle: his 8 quotes and his name added, the shared quote in conflict.
      await merge(app, besnikFile);
      await page.getByText('Merged Besnik Gashi’s bundle').waitFor();
      const counts = Object.fromEntries(
        await page.locator('.exchange-counts > div').evaluateAll((items) => items.map((item) => [item.querySelector('dt')!.textContent, Number(item.querySelector('dd')!.textContent)])),
      );
      // Of the records in his bundle, 9 are new here, 1 in conflict, the rest (mine, returned) known.
      expect(counts).toEqual({ Added: 9, Updated: 0, Unchanged: (manifest.records as number) - 10, Conflicts: 1 });
      expect((await call(app.core, 'annotations.list', {})).length).toBe(16);
      await noButtonOffScreen(page);
      await screenshot(page, `team-exchange-merged-${viewport.width}x${viewport.height}`);

      await page.getByRole('link', { name: 'Choose between the versions of 1 conflicting record' }).click();
      await page.getByRole('heading', { name: 'Conflicts' }).waitFor();
      await page.locator(`[data-conflict-id="${mine[0]}"]`).waitFor();
      await noButtonOffScreen(page);
      await screenshot(page, `team-conflicts-${viewport.width}x${viewport.height}`);

      // Agreement, with and without subtopics (one topic, no subtopics: the same 0.583).
      await app.goto('#/team/agreement');
      const row = page.locator(`tr[data-topic-id="${topic.id}"]`);
      await row.waitFor();
      expect(await row.locator('td').first().textContent()).toBe('0.583');
      // The box follows the address (so a link keeps the choice): it shows checked only once the
      // route has changed, which Playwright's check() does not wait for.
      const subtopics = page.getByRole('checkbox', { name: 'Include subtopics' });
      await subtopics.click();
      await page.waitForURL(/subtopics=1/);
      await page.waitForFunction(() => (document.querySelector('.agreement-subtopics input') as HTMLInputElement | null)?.checked === true);
      await page.getByText('or a topic below it').waitFor();
      expect(await row.locator('td').first().textContent()).toBe('0.583');
      await noButtonOffScreen(page);
      await screenshot(page, `team-agreement-${viewport.width}x${viewport.height}`);
    });
  }

  it('a bundle dropped on the window is merged, not imported: Team → Exchange opens and shows what it brought', async () => {
    const app = await apps.start();
    const { page } = app;
    const dir = await tempFolder();
    // Amina joins the app's project, imports and codes an interview.
    const mine = join(dir, 'mine.fwx');
    await call(app.core, 'team.exportBundle', { out: mine });
    const amina = await colleague(dir, 'amina', 'Amina Berisha');
    await call(amina, 'team.mergeBundle', { file: mine, join: true });
    const { docId, passageIds } = await importTranscript(amina);
    const topic = await call(amina, 'topics.create', { name: 'Trust in police' });
    await code(amina, passageIds, 1, 3, topic.id);
    const file = join(dir, 'amina.fwx');
    await call(amina, 'team.exportBundle', { out: file });

    await app.goto('#/library');
    const base64 = (await readFile(file)).toString('base64');
    const dataTransfer = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(content), (c) => c.charCodeAt(0))], 'amina.fwx'));
      return transfer;
    }, base64);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await page.locator('.drop-overlay').getByText(/exchange bundle \(\.fwx\) is merged/).waitFor();
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await page.waitForURL(/#\/team\/exchange/);
    await page.getByText('Merged Amina Berisha’s bundle').waitFor();
    const counts = Object.fromEntries(
      await page.locator('.exchange-counts > div').evaluateAll((items) => items.map((item) => [item.querySelector('dt')!.textContent, Number(item.querySelector('dd')!.textContent)])),
    );
    // Her 3 quotes, the topic, the document, her name; the document's files came with it.
    expect(counts).toMatchObject({ Added: 6, Conflicts: 0, Documents: 1 });
    expect(app.core.corpus.passages(docId)).toHaveLength(20);
    // Nothing went to the import: no job, no second copy of anything.
    expect(await page.locator('.import-job').count()).toBe(0);
    expect((await call(app.core, 'annotations.list', { docId })).every((annotation) => annotation.ranges.length === 1)).toBe(true);
  });

  it('an empty workspace offered a bundle of another project can join it and merge', async () => {
    const app = await apps.start();
    const { page } = app;
    const dir = await tempFolder();
    const amina = await colleague(dir, 'amina', 'Amina Berisha');
    const { docId } = await importTranscript(amina);
    const file = join(dir, 'amina.fwx');
    await call(amina, 'team.exportBundle', { out: file });

    await app.goto('#/team/exchange');
    await merge(app, file);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/This bundle is from another project.*belongs to another project/s);
    expect(await alert.textContent()).not.toMatch(/--join/);
    expect(app.core.workspace.identity.projectId).not.toBe(amina.workspace.identity.projectId);
    await page.getByRole('button', { name: 'Join the project and merge' }).click();
    await page.getByText('Merged Amina Berisha’s bundle').waitFor();
    expect(app.core.workspace.identity.projectId).toBe(amina.workspace.identity.projectId);
    expect(app.core.corpus.passages(docId)).toHaveLength(20);
  });
});

describe('sync errors in the Team view', () => {
  it('a wrong password (401 from a real CouchDB-compatible server), a server that is down, and one that is not CouchDB each say what happened, and nothing changes', async () => {
    const { startCouchServer, freePort } = await import('../helpers/couch-server');
    const { createServer } = await import('node:http');
    const couch = await startCouchServer();
    cleanups.push(() => couch.close());
    const notCouch = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>Router login</body></html>');
    });
    await new Promise<void>((resolve) => notCouch.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => notCouch.close(() => resolve())));

    const app = await apps.start({ viewport: { width: 900, height: 700 } });
    const { page } = app;
    const { passageIds } = await importTranscript(app.core);
    const topic = await call(app.core, 'topics.create', { name: 'Trust in police' });
    await code(app.core, passageIds, 1, 2, topic.id);
    await couch.createDatabase(app.core.workspace.identity.projectId);
    await couch.createUser('amina', 'correct horse');
    const before = state(app.core);

    await app.goto('#/team/sync');
    const cases = [
      { server: couch.url, password: 'wrong horse', message: /^The server refused the name “amina” and its password \(HTTP 401\)\. Check them above and sync again; nothing was changed\.$/ },
      { server: `http://127.0.0.1:${await freePort()}/`, password: 'correct horse', message: /could not be reached \(ECONNREFUSED\).*nothing was changed/ },
      { server: `http://127.0.0.1:${(notCouch.address() as { port: number }).port}/`, password: 'correct horse', message: /is not a CouchDB server.*nothing was changed/ },
    ];
    for (const [index, item] of cases.entries()) {
      await page.getByLabel('Server address').fill(item.server);
      await page.getByLabel('Your name on the server').fill('amina');
      await page.getByLabel('Password').fill(item.password);
      await page.getByRole('button', { name: 'Sync now' }).click();
      const alert = page.locator('.sync-error');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(item.message);
      expect(state(app.core)).toEqual(before);
      expect(await call(app.core, 'team.syncSettings', {})).toBeNull();
      if (index === 0) {
        await noButtonOffScreen(page);
        await screenshot(page, 'team-sync-401-900x700');
      }
    }
  });
});
