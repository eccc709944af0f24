import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closeBrowser, startApp, type RunningApp } from './harness';
import { closeAndCheck } from './app-checks';
import { screenshot } from './screenshots';
import { routeHref } from '../../renderer/src/app/routes';
import type { DocumentSummary } from '../../electron/core/api/methods/corpus';
import { metadataFields, type Passage } from '../../electron/core/corpus/schema';
import type { MetadataEditView } from '../../electron/core/metadata-edits';
import { join } from 'node:path';
import { repoRoot } from './harness';

let app: RunningApp | undefined;
afterEach(async () => {
  const current = app;
  app = undefined;
  if (current) await closeAndCheck(current);
});
afterAll(closeBrowser);

const BRIEF = 'kcss-advance-kosovo-nato-relations';
const PRIORITIES = 'kcss-foreign-security-priorities-2026';

async function callCore<T>(running: RunningApp, method: string, args: unknown): Promise<T> {
  const result = await running.core.dispatch(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

const documentOf = (running: RunningApp, docId: string) => callCore<DocumentSummary>(running, 'corpus.document', { docId });
const editsOf = (running: RunningApp, docId: string) => callCore<MetadataEditView[]>(running, 'metadata.edits', { docId });

/** An APA citation of the document's first passage, as a draft would print it. */
async function apaCitation(running: RunningApp, docId: string): Promise<string> {
  const passage = (await callCore<Passage[]>(running, 'corpus.passages', { docId }))[0]!;
  const content = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'citation', attrs: { targetKind: 'passage', targetId: passage.id, docId, locator: null, prefix: null, suffix: null, suppressAuthor: false } }] }],
  };
  const formatted = await callCore<{ citations: Array<{ text: string }>; bibliography?: unknown }>(running, 'drafts.format', { content, style: 'apa' });
  return formatted.citations[0]!.text;
}

async function openDetails(page: Page, docId: string) {
  await page.locator(`.document-card[data-doc-id="${docId}"]`).getByRole('button', { name: 'Edit details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await dialog.waitFor();
  return dialog;
}

/** A field of the dialog by its label (a revert button names its field too). */
const input = (dialog: Locator, label: string) => dialog.getByRole('textbox', { name: label, exact: true });

/** The element is inside the dialog's scrolling body as shown (not scrolled away). */
async function shownInDialog(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel)!.getBoundingClientRect();
    const body = document.querySelector('dialog.details-dialog .modal-body')!.getBoundingClientRect();
    return element.top >= body.top - 1 && element.bottom <= body.bottom + 1;
  }, selector);
}

/** The dialog inside the window, its buttons on screen, nothing sideways. */
async function dialogFits(page: Page): Promise<{ inside: boolean; buttonsVisible: boolean; sideways: boolean }> {
  return page.evaluate(() => {
    const dialog = document.querySelector('dialog.details-dialog')!.getBoundingClientRect();
    const buttons = [...document.querySelectorAll('dialog.details-dialog .modal-actions button')].map((button) => button.getBoundingClientRect());
    const body = document.querySelector('dialog.details-dialog .modal-body')!;
    return {
      inside: dialog.left >= 0 && dialog.top >= 0 && dialog.right <= window.innerWidth && dialog.bottom <= window.innerHeight,
      buttonsVisible: buttons.length > 0 && buttons.every((b) => b.width > 0 && b.top >= dialog.top && b.bottom <= dialog.bottom && b.right <= window.innerWidth),
      sideways: body.scrollWidth > body.clientWidth + 1 || document.documentElement.scrollWidth > window.innerWidth,
    };
  });
}

/** Nothing wider than the window, and nothing wider than the panel it sits in. */
async function fitsSideways(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel);
    return document.documentElement.scrollWidth <= window.innerWidth && (!element || element.scrollWidth <= element.clientWidth + 1);
  }, selector);
}

describe('metadata and its sources in the app', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 900, height: 700 },
  ]) {
    it(`Library cards mark an inferred year and say where it comes from (${viewport.width}×${viewport.height})`, async () => {
      app = await startApp({ viewport });
      const { page } = app;
      await app.goto(routeHref('library'));
      const card = page.locator(`.document-card[data-doc-id="${BRIEF}"]`);
      await card.waitFor();
      const year = card.locator('.document-meta dd[data-source]').first();
      // The brief prints no year; its latest dated content is the roundtable of July 17, 2025.
      expect(await year.textContent()).toBe('[2025]inferred');
      expect(await year.getAttribute('title')).toBe('Year: inferred from the latest dated content');
      const printed = page.locator(`.document-card[data-doc-id="${PRIORITIES}"] .document-meta dd[data-source]`).first();
      expect(await printed.textContent()).toBe('2026');
      expect(await printed.getAttribute('title')).toMatch(/^Year: printed in the CIP record, p\. \d+$/);
      expect(await fitsSideways(page, '.library-view')).toBe(true);
      await screenshot(page, `metadata-library-${viewport.width}`);
    });

    it(`the reader's document info lists every field with its source, and the evidence of an inferred year is a click away (${viewport.width}×${viewport.height})`, async () => {
      app = await startApp({ viewport });
      const { page } = app;
      const brief = await documentOf(app, BRIEF);
      await app.goto(routeHref('reader', [BRIEF]));
      await page.getByRole('button', { name: 'Info', exact: true }).click();
      const info = page.locator('.document-info');
      await info.waitFor();
      const fields = info.locator('.metadata-fields > div');
      expect(await fields.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field')))).toEqual(['title', 'subtitle', 'authors', 'editors', 'publishers', 'year', 'place', 'isbn', 'doi', 'url', 'type', 'language']);
      expect(await info.locator('[data-field="title"] .metadata-source').textContent()).toBe('printed on the cover');
      expect(await info.locator('[data-field="isbn"]').textContent()).toBe('ISBN—not found in the document');
      const year = info.locator('[data-field="year"]');
      expect(await year.locator('.metadata-value').textContent()).toBe('[2025]');
      expect(await year.locator('.metadata-source').textContent()).toBe('inferred from the latest dated content');

      const evidence = brief.metadataFields.find((f) => f.field === 'year')!.evidence!;
      await year.getByRole('button', { name: /Why \[2025\]\?/ }).click();
      const links = year.locator('.metadata-evidence-list a');
      expect(await links.count()).toBe(evidence.length);
      const first = evidence[0]!;
      expect(await links.first().textContent()).toBe(`p. ${first.page} · ${first.date}${first.text}`);
      expect(first.text).toContain('July 17, 2025');
      expect(await fitsSideways(page, '.document-info')).toBe(true);
      await screenshot(page, `metadata-reader-info-${viewport.width}`);

      await links.first().click();
      await expect.poll(() => page.evaluate(() => location.hash)).toContain(`passage=${first.passageId}`);
      const passages = await app.core.dispatch('corpus.passages', { docId: BRIEF });
      const target = ((passages.ok ? passages.value : []) as Passage[]).find((p) => p.id === first.passageId)!;
      expect(target.text).toContain(first.text);
      await page.locator(`.structured-text [data-passage-id="${first.passageId}"]`).waitFor();
    });
  }

  it('a printed year names the CIP record and its page; place and ISBN come from it too', async () => {
    app = await startApp();
    const { page } = app;
    const priorities = await documentOf(app, PRIORITIES);
    const yearSource = priorities.metadataFields.find((f) => f.field === 'year')!;
    await app.goto(routeHref('reader', [PRIORITIES]));
    await page.getByRole('button', { name: 'Info', exact: true }).click();
    const info = page.locator('.document-info');
    await info.waitFor();
    expect(await info.locator('[data-field="year"]').textContent()).toBe(`Year2026printed in the CIP record, p. ${yearSource.page}`);
    expect(await info.locator('[data-field="place"] .metadata-value').textContent()).toBe('Prishtinë');
    expect(await info.locator('[data-field="isbn"] .metadata-value').textContent()).toBe('978-9951-842-58-7');
    expect(await info.locator('[data-field="year"] .metadata-source').getAttribute('title')).toContain('Prishtinë : QKSS, 2026');
  });
});

describe('correcting metadata in the Library’s details dialog', () => {
  it('edits several fields of a bundled paper, refuses a bad year without changing anything, shows who edited, and reverts one field', async () => {
    app = await startApp({ viewport: { width: 1280, height: 800 } });
    const { page } = app;
    const before = await documentOf(app, BRIEF);
    expect(before.place).toBeUndefined();
    await app.goto(routeHref('library'));
    const dialog = await openDetails(page, BRIEF);

    // Every field core keeps, in core's order, each with its source; the empty ones say so.
    expect(await dialog.locator('.details-field[data-field]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field')))).toEqual([...metadataFields]);
    expect(await dialog.locator('[data-field="place"] .details-source').textContent()).toBe('emptyNot found in the document — add it');
    expect(await dialog.locator('[data-field="year"] .details-source').count()).toBe(1);
    expect(await dialog.locator('[data-field="year"] .details-source').textContent()).toBe('inferredExtracted: inferred from the latest dated content');
    expect(await dialog.locator('[data-field="title"] .details-source').textContent()).toBe('Extracted: printed on the cover');
    expect(await input(dialog, 'Year').inputValue()).toBe('2025');
    await screenshot(page, 'metadata-details-bundled-1280');

    // A year that is not one: said next to the field, Enter does not close, nothing is written.
    await input(dialog, 'Place of publication').fill('Prishtinë');
    await input(dialog, 'Year').fill('20x5');
    await input(dialog, 'Year').press('Enter');
    const yearError = dialog.locator('[data-field="year"] .details-error');
    await yearError.waitFor();
    expect(await yearError.textContent()).toContain('four digits');
    await expect.poll(() => shownInDialog(page, '.details-field[data-field="year"] .details-error')).toBe(true);
    expect(await input(dialog, 'Year').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('year');
    expect(await editsOf(app, BRIEF)).toEqual([]);
    expect((await documentOf(app, BRIEF)).place).toBeUndefined();
    // What was typed is all still there.
    expect(await input(dialog, 'Place of publication').inputValue()).toBe('Prishtinë');
    await screenshot(page, 'metadata-details-bad-year-1280');

    // A value core refuses (an ISBN with a wrong check digit) is shown next to its field, and changes nothing either.
    await input(dialog, 'Year').fill('2026');
    expect(await yearError.count()).toBe(0);
    await input(dialog, 'ISBN').fill('978-0-00-000000-1');
    await input(dialog, 'ISBN').press('Enter');
    await dialog.locator('[data-field="isbn"] .details-error').waitFor();
    expect(await dialog.locator('[data-field="isbn"] .details-error').textContent()).toMatch(/^Not a valid ISBN/);
    expect(await editsOf(app, BRIEF)).toEqual([]);

    // Several fields at once: a year in place of the inferred one, a place, editors (a list), a DOI; Enter saves.
    await input(dialog, 'ISBN').fill('');
    await input(dialog, 'Editors, one per line').fill('Ana Krasniqi\nBesim Gashi');
    await input(dialog, 'DOI').fill('10.1234/kcss.2025');
    expect(await dialog.getByRole('button', { name: /^Save/ }).textContent()).toBe('Save 4 changes');
    await input(dialog, 'DOI').press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const card = page.locator(`.document-card[data-doc-id="${BRIEF}"]`);
    const cardYear = card.locator('.document-meta dd[data-source]').first();
    await expect.poll(() => cardYear.getAttribute('data-source')).toBe('user');
    expect(await cardYear.textContent()).toBe('2026');
    const edits = await editsOf(app, BRIEF);
    expect(edits.map((edit) => edit.field).sort()).toEqual(['doi', 'editors', 'place', 'year']);
    expect(edits.every((edit) => edit.editedBy === 'test-researcher')).toBe(true);
    expect(await documentOf(app, BRIEF)).toMatchObject({ year: 2026, place: 'Prishtinë', editors: ['Ana Krasniqi', 'Besim Gashi'], doi: '10.1234/kcss.2025' });
    // Cited as a printed year now, not a supplied one ("ca. 2025" in APA).
    const cited = await apaCitation(app, BRIEF);
    expect(cited).toContain('2026');
    expect(cited).not.toContain('ca.');

    // Reopened: each edited field says by whom; one is reverted to what was extracted.
    const again = await openDetails(page, BRIEF);
    await expect.poll(() => again.locator('[data-field="place"] .details-source').textContent()).toMatch(/^Edited by Test Researcher on .* · extracted: nothing$/);
    expect(await again.locator('[data-field="year"] .details-extracted').textContent()).toBe(' · extracted: “2025” (inferred)');
    expect(await input(again, 'Place of publication').inputValue()).toBe('Prishtinë');
    await screenshot(page, 'metadata-details-edited-1280');
    await again.getByRole('button', { name: /^Revert to extracted\W+year$/ }).click();
    await expect.poll(() => again.locator('[data-field="year"] .details-source').textContent()).toBe('inferredExtracted: inferred from the latest dated content');
    expect((await editsOf(app, BRIEF)).map((edit) => edit.field).sort()).toEqual(['doi', 'editors', 'place']);
    expect(await again.getByRole('button', { name: /^Revert to extracted\W+year$/ }).count()).toBe(0);
    await expect.poll(() => cardYear.textContent()).toBe('[2025]inferred');
    expect(await apaCitation(app, BRIEF)).toContain('ca. 2025');
    // The inferred year is right after all: confirmed as it is, it is the user's and cited plainly.
    await again.getByRole('button', { name: /^Confirm as correct\W+year$/ }).click();
    await expect.poll(() => cardYear.textContent()).toBe('2025');
    await expect.poll(() => again.locator('[data-field="year"] .details-source').textContent()).toMatch(/^Edited by Test Researcher on /);
    expect((await editsOf(app, BRIEF)).find((edit) => edit.field === 'year')).toMatchObject({ value: 2025, editedBy: 'test-researcher' });
    expect(await apaCitation(app, BRIEF)).not.toContain('ca.');

    // Escape with a change typed asks first; "Keep editing" keeps it; discarding writes nothing.
    await input(again, 'Subtitle').fill('A roadmap');
    await page.keyboard.press('Escape');
    const discard = again.getByText('Discard your change?');
    await discard.waitFor();
    await again.getByRole('button', { name: 'Keep editing' }).click();
    expect(await input(again, 'Subtitle').inputValue()).toBe('A roadmap');
    await input(again, 'Subtitle').press('Escape');
    await again.getByRole('button', { name: 'Discard changes' }).click();
    await again.waitFor({ state: 'detached' });
    expect((await documentOf(app, BRIEF)).subtitle).toBe(before.subtitle);
    // A correction made elsewhere (the CLI, another window) while the user types: the other
    // field shows it, the typed text stays, and the save keeps both.
    const third = await openDetails(page, BRIEF);
    await input(third, 'Subtitle').fill('A roadmap for 2026');
    await callCore(app, 'metadata.set', { docId: BRIEF, fields: { isbn: '978-9951-842-58-7' } });
    await expect.poll(() => input(third, 'ISBN').inputValue()).toBe('978-9951-842-58-7');
    expect(await input(third, 'Subtitle').inputValue()).toBe('A roadmap for 2026');
    await input(third, 'Subtitle').press('Enter');
    await third.waitFor({ state: 'detached' });
    expect(await documentOf(app, BRIEF)).toMatchObject({ subtitle: 'A roadmap for 2026', isbn: '978-9951-842-58-7' });
    // Escape with nothing typed just closes.
    const fourth = await openDetails(page, BRIEF);
    await page.keyboard.press('Escape');
    await fourth.waitFor({ state: 'detached' });
  });

  it('edits an imported document through the same dialog; the Library and core follow, and a field reverts', async () => {
    app = await startApp({ viewport: { width: 1280, height: 800 } });
    const { page } = app;
    const imported = await callCore<{ documentId: string }>(app, 'import.file', { path: join(repoRoot, 'tests/fixtures/transcripts/interview-mitrovica-north-2024-03.txt') });
    const docId = imported.documentId;
    const extracted = await documentOf(app, docId);
    await app.goto(routeHref('library'));
    const dialog = await openDetails(page, docId);
    expect(await dialog.locator('.details-field[data-field]').count()).toBe(metadataFields.length);
    // Nothing is silently blank: every empty field of the transcript says it was not found.
    const empty = extracted.metadataFields.filter((view) => view.value === null).map((view) => view.field);
    expect(empty.length).toBeGreaterThan(0);
    for (const field of empty) expect(await dialog.locator(`[data-field="${field}"] .details-source`).textContent()).toMatch(/^emptyNot found in the document — add it/);

    await input(dialog, 'Title').fill('Interview, North Mitrovica, March 2024');
    await input(dialog, 'Authors, one per line').fill('Field team\nDrita Berisha');
    await input(dialog, 'Place of publication').fill('North Mitrovica');
    await input(dialog, 'Publishers, one per line').fill('Field Workbench project');
    await input(dialog, 'Web address').fill('javascript:alert(1)');
    await input(dialog, 'Place of publication').press('Enter');
    // Core refuses the address; the other fields wait, nothing is written.
    const urlError = dialog.locator('[data-field="url"] .details-error');
    await urlError.waitFor();
    expect(await urlError.textContent()).toBe('Only http and https addresses.');
    expect(await editsOf(app, docId)).toEqual([]);
    await input(dialog, 'Web address').fill('');
    await input(dialog, 'Why (optional, kept with the changes)').fill('from the interview log');
    await dialog.getByRole('button', { name: /^Save/ }).click();
    await dialog.waitFor({ state: 'detached' });

    const card = page.locator(`.document-card[data-doc-id="${docId}"]`);
    await expect.poll(() => card.locator('.document-title').textContent()).toBe('Interview, North Mitrovica, March 2024');
    expect(await card.locator('.document-authors').textContent()).toBe('Field team, Drita Berisha');
    expect(await documentOf(app, docId)).toMatchObject({ title: 'Interview, North Mitrovica, March 2024', authors: ['Field team', 'Drita Berisha'], place: 'North Mitrovica', publishers: ['Field Workbench project'] });
    const edits = await editsOf(app, docId);
    expect(edits.map((edit) => edit.field).sort()).toEqual(['authors', 'place', 'publishers', 'title']);
    expect(edits.every((edit) => edit.note === 'from the interview log' && edit.editedBy === 'test-researcher')).toBe(true);
    expect(await apaCitation(app, docId)).toContain('Berisha');

    const again = await openDetails(page, docId);
    await expect.poll(() => again.locator('[data-field="authors"] .details-note').textContent()).toBe(' — “from the interview log”');
    expect(await again.locator('[data-field="title"] .details-extracted').textContent()).toBe(` · extracted: “${extracted.title}” (from the file name)`);
    await again.getByRole('button', { name: /^Revert to extracted\W+title$/ }).click();
    await expect.poll(() => card.locator('.document-title').textContent()).toBe(extracted.title);
    expect((await editsOf(app, docId)).map((edit) => edit.field).sort()).toEqual(['authors', 'place', 'publishers']);
    await screenshot(page, 'metadata-details-imported-1280');
    await page.keyboard.press('Escape');
    await again.waitFor({ state: 'detached' });
  });

  it('fits a 900×700 window: the dialog and its buttons in view, nothing sideways, the body scrolls', async () => {
    app = await startApp({ viewport: { width: 900, height: 700 } });
    const { page } = app;
    await app.goto(routeHref('library'));
    expect(await fitsSideways(page, '.library-view')).toBe(true);
    await page.locator(`.document-card[data-doc-id="${PRIORITIES}"]`).scrollIntoViewIfNeeded();
    await screenshot(page, 'metadata-library-edit-buttons-900');
    const dialog = await openDetails(page, PRIORITIES);
    await input(dialog, 'Year').fill('20x5');
    await input(dialog, 'Year').press('Enter');
    await dialog.locator('[data-field="year"] .details-error').waitFor();
    await expect.poll(() => shownInDialog(page, '.details-field[data-field="year"] .details-error')).toBe(true);
    expect(await dialogFits(page)).toEqual({ inside: true, buttonsVisible: true, sideways: false });
    await screenshot(page, 'metadata-details-900');
    await dialog.locator('.modal-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
    expect(await dialogFits(page)).toEqual({ inside: true, buttonsVisible: true, sideways: false });
    await screenshot(page, 'metadata-details-900-scrolled');
  });
});

describe("the reader's Info panel opens the details dialog", () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 900, height: 700 },
  ]) {
    it(`Edit details beside the bibliographic details; type and language saved there show in the panel and in core (${viewport.width}×${viewport.height})`, async () => {
      app = await startApp({ viewport });
      const { page } = app;
      await app.goto(routeHref('reader', [BRIEF]));
      await page.getByRole('button', { name: 'Info', exact: true }).click();
      const info = page.locator('.document-info');
      await info.waitFor();
      // Type and language are fields with their sources, as the kind and the bundled metadata give them.
      expect(await info.locator('[data-field="type"]').textContent()).toBe('TypeReportfollows from its kind (policy brief)');
      expect(await info.locator('[data-field="language"]').textContent()).toBe("Languageenfrom the bundled paper's metadata file");
      const edit = info.getByRole('button', { name: 'Edit details' });
      // The button is inside the drawer, whole, and the drawer does not scroll sideways.
      expect(
        await edit.evaluate((button) => {
          const b = button.getBoundingClientRect();
          const drawer = button.closest('.document-info')!.getBoundingClientRect();
          return b.width > 0 && b.left >= drawer.left && b.right <= drawer.right && b.top >= drawer.top && b.bottom <= drawer.bottom;
        }),
      ).toBe(true);
      expect(await fitsSideways(page, '.document-info')).toBe(true);
      await screenshot(page, `metadata-reader-info-edit-${viewport.width}`);

      await edit.click();
      const dialog = page.getByRole('dialog', { name: 'Document details' });
      await dialog.waitFor();
      const typeSelect = dialog.getByRole('combobox', { name: 'Type (as citations name it)' });
      expect(await typeSelect.inputValue()).toBe('report');
      expect(await dialog.locator('[data-field="type"] .details-source').textContent()).toBe('Extracted: follows from its kind (policy brief)');
      // A language that is not a tag: said next to the field, nothing written.
      await input(dialog, 'Language').fill('English');
      await input(dialog, 'Language').press('Enter');
      const languageError = dialog.locator('[data-field="language"] .details-error');
      await languageError.waitFor();
      expect(await languageError.textContent()).toMatch(/^Not a language tag/);
      expect(await editsOf(app, BRIEF)).toEqual([]);
      await typeSelect.selectOption('book');
      await input(dialog, 'Language').fill('SQ');
      await dialog.locator('[data-field="language"]').scrollIntoViewIfNeeded();
      expect(await dialogFits(page)).toEqual({ inside: true, buttonsVisible: true, sideways: false });
      await screenshot(page, `metadata-reader-info-dialog-${viewport.width}`);
      await input(dialog, 'Language').press('Enter');
      await dialog.waitFor({ state: 'detached' });

      expect(await documentOf(app, BRIEF)).toMatchObject({ type: 'book', language: 'sq' });
      expect((await editsOf(app, BRIEF)).map((e) => e.field).sort()).toEqual(['language', 'type']);
      await expect.poll(() => info.locator('[data-field="type"] .metadata-value').textContent()).toBe('Book');
      expect(await info.locator('[data-field="language"] .metadata-value').textContent()).toBe('sq');
      expect(await info.locator('[data-field="type"] .metadata-source').textContent()).toMatch(/^entered by /);
      await info.locator('[data-field="language"]').scrollIntoViewIfNeeded();
      expect(await fitsSideways(page, '.document-info')).toBe(true);
      await screenshot(page, `metadata-reader-info-saved-${viewport.width}`);
    });
  }
});
