import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, repoRoot, startApp } from './harness';
import { closeAndCheck } from './app-checks';
import type { RunningApp } from './harness';
import { screenshot } from './screenshots';
import { annotationsCollection } from '../../electron/core/annotations';
import { typesetReport } from '../unit/import/support/report-pdf';
import { seedReportSpec } from '../unit/import/support/seed-report';

const pdfs = resolve(repoRoot, '../shared/fixtures/pdfs');
const transcripts = resolve(repoRoot, 'tests/fixtures/transcripts');
const tracemonkeyTitle = 'Trace-based Just-in-Time Type Specialization';

let app: RunningApp | undefined;

afterEach(async () => {
  const current = app;
  app = undefined;
  if (current) await closeAndCheck(current);
});
afterAll(closeBrowser);

/** Chooses files in the browser's file input: the path taken where there is no desktop file dialog. */
async function chooseInBrowser(page: Page, ...files: string[]): Promise<void> {
  await page.locator('input.import-file-input').setInputFiles(files);
}

const job = (page: Page, fileName: string) => page.locator('.import-job', { hasText: fileName });
const libraryCard = (page: Page, title: string) => page.locator('.document-card', { hasText: title });

async function importedFolders(running: RunningApp): Promise<string[]> {
  return (await readdir(join(running.workspaceDir, 'documents')).catch(() => [] as string[])).sort();
}

describe('import in Chromium', () => {
  it('imports a PDF through the file input page by page, lists it as Imported, and opens it in the reader', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await startApp({ colorScheme });
      const { page } = app;
      await app.goto('#/library');
      await page.getByRole('button', { name: 'Import…' }).waitFor();
      // Its 14 pages now read in a fraction of a second, too quickly to be sure of seeing a
      // page count on screen: the core's progress is checked here, the panel's in the long
      // import below.
      const pagesRead: number[] = [];
      const stopListening = app.core.subscribeAll((channel, payload) => {
        const progress = payload as { fileName?: string; page?: number; total?: number };
        if (channel === 'import.progress' && progress.fileName === 'tracemonkey.pdf' && progress.total === 14) pagesRead.push(progress.page ?? 0);
      });
      await chooseInBrowser(page, join(pdfs, 'tracemonkey.pdf'));

      const tracemonkey = job(page, 'tracemonkey.pdf');
      await page.locator('.import-job[data-job-status="imported"]', { hasText: 'tracemonkey.pdf' }).waitFor();
      stopListening();
      expect([...new Set(pagesRead)].filter((n) => n > 0)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
      await expect(tracemonkey.textContent()).resolves.toContain('Imported: 14 pages');
      const card = libraryCard(page, tracemonkeyTitle);
      await card.waitFor();
      await expect(card.locator('.badge').textContent()).resolves.toBe('Imported');
      await page.getByRole('button', { name: 'Clear finished' }).click();
      await expect(page.locator('.import-panel').count()).resolves.toBe(0);
      await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      await screenshot(page, `import-library-${colorScheme}`);

      await card.locator('a.document-link').click();
      await page.waitForURL(/#\/reader\/imp-/);
      await page.locator('.reader-view').getByText(tracemonkeyTitle).first().waitFor();
      // The PDF is served from the workspace and drawn beside the text.
      await page.locator('.pdf-page[data-page="1"][data-rendered="true"]').waitFor({ timeout: 30_000 });
      await screenshot(page, `import-reader-${colorScheme}`);
      await app.close();
      app = undefined;
    }
  });

  it('asks for the password of an encrypted PDF, says when it is wrong, and imports with the right one', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await startApp({ colorScheme });
      const { page } = app;
      await app.goto('#/library');
      await chooseInBrowser(page, join(pdfs, 'issue6010_1.pdf'));

      const dialog = page.getByRole('dialog', { name: 'Password needed' });
      await dialog.waitFor();
      await expect(dialog.textContent()).resolves.toContain('issue6010_1.pdf');
      await expect(job(page, 'issue6010_1.pdf').textContent()).resolves.toContain('Waiting for the password');
      await dialog.getByLabel('Password').fill('abd');
      await screenshot(page, `import-password-${colorScheme}`);
      await dialog.getByRole('button', { name: 'Import' }).click();

      await dialog.getByRole('alert').waitFor();
      await expect(dialog.getByRole('alert').textContent()).resolves.toContain('not correct');
      await expect(dialog.getByLabel('Password').inputValue()).resolves.toBe('');
      await screenshot(page, `import-password-wrong-${colorScheme}`);
      expect(await importedFolders(app)).toEqual([]);

      await dialog.getByLabel('Password').fill('abc');
      await dialog.getByRole('button', { name: 'Import' }).click();
      await page.locator('.import-job[data-job-status="imported"]', { hasText: 'issue6010_1.pdf' }).waitFor();
      await expect(dialog.isVisible()).resolves.toBe(false);
      expect(await importedFolders(app)).toHaveLength(1);

      // The reader asks for the password again to draw the pages; a wrong one is refused.
      const imported = app.core.corpus.allDocuments().find((document) => document.origin === 'imported-pdf')!;
      await app.goto(`#/reader/${imported.id}`);
      const prompt = page.getByRole('form', { name: 'PDF password' });
      await prompt.waitFor();
      await prompt.getByLabel('Password').fill('wrong');
      await prompt.getByRole('button', { name: 'Open' }).click();
      await prompt.getByRole('alert').waitFor();
      await prompt.getByLabel('Password').fill('abc');
      await prompt.getByRole('button', { name: 'Open' }).click();
      await page.locator('.pdf-page[data-page="1"][data-rendered="true"]').waitFor();
      await screenshot(page, `import-encrypted-reader-${colorScheme}`);
      await app.close();
      app = undefined;
    }
  });

  it('imports a transcript whose speakers the reader shows, and asks before importing it twice', async () => {
    app = await startApp();
    const { page } = app;
    await app.goto('#/library');
    await chooseInBrowser(page, join(transcripts, 'interview-mitrovica-north-2024-03.txt'));
    const done = page.locator('.import-job[data-job-status="imported"]', { hasText: 'interview-mitrovica-north-2024-03.txt' });
    await done.waitFor();
    await libraryCard(page, 'interview-mitrovica-north-2024-03').waitFor();

    await done.getByRole('link', { name: 'Open' }).click();
    await page.waitForURL(/#\/reader\/imp-/);
    // Opened, it leaves the import panel.
    await done.waitFor({ state: 'detached' });
    const reader = page.locator('.reader-view');
    await reader.getByText('All my life. I was born in Zvečan', { exact: false }).first().waitFor();
    const speakers = new Set((await reader.locator('.structured-text .speaker').allTextContents()).map((name) => name.replace(/:\s*$/, '').trim()));
    expect(speakers).toEqual(new Set(['Interviewer', 'Respondent']));

    await app.goto('#/library');
    await chooseInBrowser(page, join(transcripts, 'interview-mitrovica-north-2024-03.txt'));
    const question = page.getByRole('dialog', { name: 'Already in your library' });
    await question.waitFor();
    await question.getByRole('button', { name: 'Skip' }).click();
    await page.locator('.import-job[data-job-status="skipped"]').waitFor();
    expect(await importedFolders(app)).toHaveLength(1);
  });

  it('imports files dropped on the window, with an overlay while they are dragged', async () => {
    app = await startApp();
    const { page } = app;
    await app.goto('#/library');
    const base64 = (await readFile(join(transcripts, 'focus-group-zubin-potok.md'))).toString('base64');
    const dataTransfer = await page.evaluateHandle((content) => {
      const bytes = Uint8Array.from(atob(content), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'focus-group-zubin-potok.md', { type: 'text/markdown' }));
      return transfer;
    }, base64);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await page.locator('.drop-overlay').getByText('Drop to import').waitFor();
    await screenshot(page, 'import-drop-overlay-light');
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await expect(page.locator('.drop-overlay').count()).resolves.toBe(0);
    await libraryCard(page, 'Focus group: trust in policing, Zubin Potok').waitFor();
  });

  it('uses the desktop file dialog when there is one, and cancels a running import leaving nothing', async () => {
    app = await startApp();
    const { page } = app;
    await app.goto('#/library');
    // A report long enough (about 300 pages) that the cancel always lands while it is read:
    // the fixtures' longest PDF now reads in well under a second, sometimes before a click.
    const longDir = await mkdtemp(join(tmpdir(), 'workbench-e2e-long-'));
    try {
      const longReport = join(longDir, 'collected-papers.pdf');
      await writeFile(longReport, (await typesetReport(await seedReportSpec(resolve(repoRoot, '../shared/seeds'), 300))).bytes);
      app.pickedFiles.push(longReport);
      await page.getByRole('button', { name: 'Import…' }).click();
      const running = job(page, 'collected-papers.pdf');
      await running.getByText(/Reading page \d+ of \d{3}/).waitFor();
      await screenshot(page, 'import-progress-light');
      await running.getByRole('button', { name: 'Cancel' }).click();
      await page.locator('.import-job[data-job-status="cancelled"]').waitFor();
    } finally {
      await rm(longDir, { recursive: true, force: true });
    }
    expect(app.hostCalls).toContainEqual({ method: 'import.pickFiles', args: { multiple: true } });
    expect(await importedFolders(app)).toEqual([]);

    // A damaged file: a clear error naming it, nothing left behind.
    app.pickedFiles.push(join(pdfs, 'poppler-937-0-fuzzed.pdf'));
    await page.getByRole('button', { name: 'Import…' }).click();
    const failed = page.locator('.import-job[data-job-status="failed"]', { hasText: 'poppler-937-0-fuzzed.pdf' });
    await failed.waitFor();
    await expect(failed.getByRole('alert').textContent()).resolves.toMatch(/“poppler-937-0-fuzzed\.pdf” could not be read/);
    expect(await importedFolders(app)).toEqual([]);

    // A scan without text: imported, and the Library says there is no text layer.
    app.pickedFiles.push(join(pdfs, 'empty.pdf'));
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.locator('.import-job[data-job-status="imported"]', { hasText: 'empty.pdf' }).waitFor();
    const scan = libraryCard(page, 'empty');
    await scan.locator('.no-text-layer').waitFor();
    await page.getByRole('button', { name: 'Clear finished' }).click();
    await scan.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'import-no-text-layer-light');
  });

  it('edits an imported document’s details and removes it, asking what becomes of its annotations', async () => {
    app = await startApp();
    const { page, core } = app;
    const imported = await core.dispatch('import.file', { path: join(transcripts, 'community-meeting-leposavic.txt') });
    if (!imported.ok) throw new Error(imported.error.message);
    const docId = (imported.value as { documentId: string }).documentId;
    const passages = core.corpus.passages(docId);
    const passage = passages.find((p) => p.text.includes('street'))!;
    const created = await core.dispatch('annotations.create', { passageId: passage.id, quote: 'street', note: 'lighting' });
    expect(created.ok).toBe(true);

    await app.goto('#/library');
    const card = libraryCard(page, 'community-meeting-leposavic');
    await card.getByRole('button', { name: 'Edit details' }).click();
    const edit = page.getByRole('dialog', { name: 'Document details' });
    await edit.getByLabel('Year').fill('24');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit.getByRole('alert').textContent()).resolves.toContain('four digits');
    await edit.getByLabel('Title', { exact: true }).fill('Leposavić safety meeting');
    await edit.getByLabel('Year').fill('2024');
    await edit.getByLabel('Authors, one per line').fill('Field team');
    await screenshot(page, 'import-edit-details-light');
    await edit.getByRole('button', { name: 'Save' }).click();
    const renamed = libraryCard(page, 'Leposavić safety meeting');
    await renamed.waitFor();
    await expect(renamed.textContent()).resolves.toContain('Field team');
    expect(core.corpus.document(docId)).toMatchObject({ title: 'Leposavić safety meeting', year: 2024, authors: ['Field team'] });

    await renamed.getByRole('button', { name: 'Remove…' }).click();
    const remove = page.getByRole('dialog', { name: /Remove/ });
    await remove.getByText('Its 1 annotation').waitFor();
    await remove.getByLabel(/Keep as orphans/).check();
    await screenshot(page, 'import-remove-light');
    await remove.getByRole('button', { name: 'Remove document' }).click();
    await renamed.waitFor({ state: 'detached' });
    expect(await importedFolders(app)).toEqual([]);
    expect([...core.workspace.records(annotationsCollection).values()]).toMatchObject([{ docId, anchorStatus: 'orphan', note: 'lighting' }]);
  });
});
