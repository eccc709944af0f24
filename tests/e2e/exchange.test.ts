import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPerTest } from './app-checks';
import { screenshot } from './screenshots';
import { repoRoot } from '../helpers/core';
import { xmllint, zipFixture } from '../unit/exchange/support';

const apps = appPerTest();
let root: string;
let qdpx: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'workbench-e2e-qdpx-'));
  qdpx = await zipFixture('qualcoder', join(root, 'north-kosovo.qdpx'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('REFI-QDA projects in Chromium', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 900, height: 700 },
  ]) {
    it(`imports a QualCoder project from the Library and exports the project from Topics (${viewport.width}×${viewport.height})`, async () => {
      const app = await apps.start({ viewport });
      const { page } = app;
      await app.goto('#/library');
      await page.getByRole('button', { name: 'Import…' }).waitFor();
      await page.locator('input.import-file-input').setInputFiles(qdpx);

      const job = page.locator('.import-job[data-job-status="imported"]', { hasText: 'north-kosovo.qdpx' });
      await job.waitFor();
      const text = await job.textContent();
      expect(text).toContain('Imported the project “north_kosovo_interviews”.');
      expect(text).toContain('Kept: 2 sources, 4 codes (4 new, 0 merged by name), 3 coded selections, 2 notes, 2 users.');
      expect(text).toContain('Not brought in: 1 case, 1 variable, 1 memo attached to nothing we keep.');
      await page.locator('.document-card', { hasText: 'interview-01.txt' }).waitFor();
      await screenshot(page, `exchange-import-${viewport.width}x${viewport.height}`);

      await job.getByRole('link', { name: 'Open the codebook' }).click();
      await page.waitForURL(/#\/topics/);
      await page.getByRole('link', { name: 'Trust in police' }).first().waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('combobox', { name: 'Export' }).selectOption('qdpx')]);
      expect(download.suggestedFilename()).toBe('field-workbench-project.qdpx');
      const zip = await JSZip.loadAsync(await readFile((await download.path())!));
      const qde = join(root, `exported-${viewport.width}.qde`);
      await writeFile(qde, await zip.file('project.qde')!.async('nodebuffer'));
      expect(await xmllint(qde, 'Project.xsd')).toBe('');
      expect(await zip.file('project.qde')!.async('string')).toContain('name="Besnik Krasniqi"');
      await screenshot(page, `exchange-topics-${viewport.width}x${viewport.height}`);

      // The imported quotes read as any others: under their topic, with their coder's notes.
      await page.getByRole('link', { name: 'Trust in police' }).first().click();
      await page.getByText('people still fear going to Mitrovica at night').first().waitFor();
      await page.getByText('trust in the Kosovo Police is low').first().waitFor();
      await screenshot(page, `exchange-topic-quotes-${viewport.width}x${viewport.height}`);
    });
  }

  it('imports a Hypothesis export from the Library: anchored by quote, the orphan named', async () => {
    const app = await apps.start({ viewport: { width: 1280, height: 800 } });
    const { page } = app;
    await app.goto('#/library');
    await page.getByRole('button', { name: 'Import…' }).waitFor();
    await page.locator('input.import-file-input').setInputFiles(join(repoRoot, 'tests/fixtures/hypothesis/kcss-reading-group.json'));
    const job = page.locator('.import-job[data-job-status="imported"]', { hasText: 'kcss-reading-group.json' });
    await job.waitFor();
    const text = await job.textContent();
    expect(text).toContain('Annotations from “kcss-reading-group.json” (Hypothesis).');
    expect(text).toContain('Imported 2; not anchored 1 (Talks to resume in Geneva: “The committee will reconvene');
    await screenshot(page, 'exchange-hypothesis-import-1280x800');
    await job.getByRole('link', { name: 'Open the codebook' }).click();
    await page.waitForURL(/#\/topics/);
    await page.getByRole('link', { name: 'Banjska' }).first().click();
    await page.getByText('Tensions escalated further in September 2023').first().waitFor();
  });
});
