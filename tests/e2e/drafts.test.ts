import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readZipEntry, wordText } from '../unit/drafts/zip';
import { closeBrowser, startApp } from './harness';
import { closeAndCheck } from './app-checks';
import type { RunningApp } from './harness';
import { screenshot } from './screenshots';
import { draftsCollection } from '../../electron/core/drafts';

let app: RunningApp | undefined;

afterEach(async () => {
  const current = app;
  app = undefined;
  if (current) await closeAndCheck(current);
});
afterAll(closeBrowser);

/** Every download the page starts, in order. */
function collectDownloads(page: Page): Download[] {
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  return downloads;
}

async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

/** Types `@query` in the editor and picks the first result; returns the cited passage id. */
async function citeFirstResult(page: Page, query: string, screenshotName?: string): Promise<string> {
  const first = page.locator('.citation-picker-result').first();
  await page.keyboard.type(query);
  await first.waitFor();
  await expect.poll(() => page.locator('.citation-picker-query strong').textContent()).toBe(query.replace(/^@/, ''));
  const targetId = (await first.getAttribute('data-result-id'))!;
  if (screenshotName) await screenshot(page, screenshotName);
  await page.keyboard.press('Enter');
  await page.locator('.citation-picker').waitFor({ state: 'detached' });
  return targetId;
}

describe('drafting a paper with linked citations in Chromium', () => {
  it('writes, cites through the picker, restyles, exports and follows a citation to its passage', async () => {
    app = await startApp();
    const { page, core } = app;
    const downloads = collectDownloads(page);
    await app.goto('#/drafts');
    await page.getByRole('button', { name: '+ New draft' }).click();
    await page.waitForFunction(() => /^#\/drafts\/draft-/.test(window.location.hash));
    const draftId = decodeURIComponent(await page.evaluate(() => window.location.hash.split('/')[2]!));

    // The title is renamed in place; the list follows.
    await page.getByLabel('Title', { exact: true }).fill('Kosovo and NATO');
    await page.getByLabel('Title', { exact: true }).press('Enter');
    await page.locator('.draft-item-title', { hasText: 'Kosovo and NATO' }).waitFor();

    const prose = page.locator('.draft-prose');
    await prose.click();
    await page.keyboard.type('Kosovo asks for a NATO centre of excellence ');
    const passageId = await citeFirstResult(page, '@centre of excellence');
    const passage = core.corpus.passage(passageId);
    const document = core.corpus.document(passage.docId);
    await page.keyboard.type('and says so.');

    // Chicago author-date: "(Author Year, page)" in the text, the paper in the references.
    const chip = page.locator('.citation-chip');
    await expect.poll(() => chip.getAttribute('class')).not.toContain('is-pending');
    const chicagoText = await textOf(page, '.citation-chip');
    expect(chicagoText).toMatch(new RegExp(`^\\(.+, ${passage.page}\\)$`));
    expect(chicagoText).not.toContain('p.');
    await expect.poll(() => page.locator('.draft-bibliography .csl-entry').count()).toBe(1);
    const chicagoEntry = await textOf(page, '.draft-bibliography .csl-entry');
    expect(chicagoEntry).toContain(document.title);

    // Autosave: the store holds the citation node, pointing at the passage with its page.
    await expect.poll(() => textOf(page, '.save-status')).toBe('Saved');
    const stored = core.workspace.records(draftsCollection).get(draftId)!;
    expect(JSON.stringify(stored.content)).toContain(`"targetId":"${passageId}"`);
    expect(JSON.stringify(stored.content)).toContain(`"locator":"${passage.page}"`);
    expect(await textOf(page, '.word-count')).toBe('11 words');

    // APA: both the citation and the bibliography change.
    await page.locator('select[name="style"]').selectOption('apa');
    await expect.poll(() => textOf(page, '.citation-chip')).toMatch(new RegExp(`, p\\. ${passage.page}\\)$`));
    await expect.poll(() => textOf(page, '.draft-bibliography .csl-entry')).not.toBe(chicagoEntry);
    const apaText = await textOf(page, '.citation-chip');
    const apaEntry = await textOf(page, '.draft-bibliography .csl-entry');
    expect(apaEntry).toMatch(/\((\d{4}|n\.d\.)\)\./);
    await expect.poll(() => [...core.workspace.records(draftsCollection).values()].map((draft) => draft.style)).toEqual(['apa']);
    await screenshot(page, 'drafts-editor-light-1280');

    // DOCX: the Word XML holds the formatted citation and the bibliography.
    await page.locator('.export-menu button[data-format="docx"]').click();
    await expect.poll(() => downloads.length).toBe(1);
    expect(downloads[0]!.suggestedFilename()).toBe('kosovo-and-nato.docx');
    const docxText = wordText(readZipEntry(await readFile((await downloads[0]!.path())!), 'word/document.xml')!);
    expect(docxText).toContain(apaText);
    expect(docxText).toContain('References');
    expect(docxText.replace(/\s+/g, ' ')).toContain(apaEntry.slice(0, 60).replace(/\s+/g, ' '));

    // Markdown: a Pandoc citation keyed by the paper, and the CSL-JSON that defines that key.
    await page.locator('.export-menu button[data-format="md"]').click();
    await expect.poll(() => downloads.length).toBe(3);
    const [md, json] = [downloads[1]!, downloads[2]!];
    expect([md.suggestedFilename(), json.suggestedFilename()]).toEqual(['kosovo-and-nato.md', 'kosovo-and-nato.json']);
    const markdown = await readFile((await md.path())!, 'utf8');
    expect(markdown).toContain('bibliography: "kosovo-and-nato.json"');
    expect(markdown).toContain(`excellence [@${document.id}, p. ${passage.page}] and says so.`);
    const items = JSON.parse(await readFile((await json.path())!, 'utf8')) as Array<{ id: string; title: string }>;
    expect(items.map((item) => [item.id, item.title])).toEqual([[document.id, document.title]]);

    // PDF: the shell prints core's HTML export (here Chromium's page.pdf, as printToPDF would).
    await page.locator('.export-menu button[data-format="pdf"]').click();
    await expect.poll(() => downloads.length).toBe(4);
    expect(downloads[3]!.suggestedFilename()).toBe('kosovo-and-nato.pdf');
    expect((await readFile((await downloads[3]!.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(app.hostCalls.map((call) => call.method)).toEqual(['drafts.exportPdf']);

    // A click on the citation opens the reader at the passage, highlighted.
    await page.locator('.citation-chip').click();
    await page.waitForFunction(() => window.location.hash.startsWith('#/reader/'));
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/reader/${document.id}?passage=${passageId}`);
    await page.locator(`.passage.is-highlighted[data-passage-id="${passageId}"]`).waitFor();
  });

  it('inserts with Ctrl+Shift+C, edits the locator, shows footnotes for the note style and quotes a dropped annotation', async () => {
    app = await startApp();
    const { page, core } = app;
    const draft = await core.dispatch('drafts.create', { title: 'Notes', style: 'chicago-note-bibliography' });
    if (!draft.ok) throw new Error(draft.error.message);
    const draftId = (draft.value as { id: string }).id;
    await app.goto(`#/drafts/${draftId}`);
    await page.locator('.draft-prose').click();
    await page.keyboard.type('Trust matters');
    await page.keyboard.press('Control+Shift+C');
    await page.locator('.citation-picker').waitFor();
    const passageId = await citeFirstResult(page, 'silence procedure', 'drafts-picker-light-1280');
    const passage = core.corpus.passage(passageId);

    // Note style: a superscript number in the text, the note below, the bibliography after it.
    await expect.poll(() => textOf(page, '.citation-chip')).toBe('1');
    await expect.poll(() => page.locator('.draft-footnotes li').count()).toBe(1);
    const note = await textOf(page, '.draft-footnotes li');
    expect(note).toContain(`${passage.page}.`);
    expect(await textOf(page, '.draft-bibliography h2')).toBe('Bibliography');

    // Alt+click selects the citation for editing; a new page re-formats the note.
    await page.locator('.citation-chip').click({ modifiers: ['Alt'] });
    const pageField = page.locator('.citation-editor input[name="locator"]');
    await pageField.waitFor();
    expect(await pageField.inputValue()).toBe(String(passage.page));
    await pageField.fill('99');
    await page.locator('.citation-editor input[name="prefix"]').fill('see');
    await expect.poll(() => textOf(page, '.draft-footnotes li')).toMatch(/^see .*99\.$/);
    await screenshot(page, 'drafts-citation-editor-light-1280');
    await page.keyboard.press('Enter');

    // An annotation dropped from the sidebar becomes a block quote with its citation.
    const quote = passage.text.split(/\s+/).slice(0, 5).join(' ');
    const created = await core.dispatch('annotations.create', { passageId, quote });
    if (!created.ok) throw new Error(created.error.message);
    const annotationId = (created.value as { id: string }).id;
    await page.locator('.draft-prose p').first().evaluate((target, payload) => {
      const data = new DataTransfer();
      data.setData('application/x-workbench-annotation', payload);
      const box = target.getBoundingClientRect();
      const at = { clientX: box.left + 4, clientY: box.top + box.height / 2, bubbles: true, cancelable: true, dataTransfer: data };
      target.dispatchEvent(new DragEvent('dragover', at));
      target.dispatchEvent(new DragEvent('drop', at));
    }, JSON.stringify({ annotationId }));
    await page.locator('.draft-prose blockquote .citation-chip').waitFor();
    expect(await textOf(page, '.draft-prose blockquote')).toContain(quote);
    await expect.poll(() => page.locator('.draft-footnotes li').count()).toBe(2);
    await expect.poll(() => textOf(page, '.save-status')).toBe('Saved');
    const saved = JSON.stringify([...core.workspace.records(draftsCollection).values()][0]);
    expect(saved).toContain(`"targetKind":"annotation","targetId":"${annotationId}"`);
    expect(saved).toContain('"locator":"99","prefix":"see"');
  });

  it('quotes an annotation dragged from the list beside the editor into the draft', async () => {
    app = await startApp();
    const { page, core } = app;
    const passage = core.corpus.corpus.passages.find((item) => item.kind === 'paragraph' && item.text.includes('Centres of Excellence'))!;
    const quote = passage.text.slice(0, passage.text.indexOf(' ', 60));
    const created = await core.dispatch('annotations.create', { passageId: passage.id, quote, note: 'For the NATO section' });
    if (!created.ok) throw new Error(created.error.message);
    const annotationId = (created.value as { id: string }).id;
    const draft = await core.dispatch('drafts.create', { title: 'Centres', style: 'chicago-author-date' });
    if (!draft.ok) throw new Error(draft.error.message);
    await app.goto(`#/drafts/${(draft.value as { id: string }).id}`);
    await page.locator('.draft-prose').click();
    await page.keyboard.type('Kosovo could host a centre.');
    const card = page.locator(`.quotable-annotations .annotation-card[data-annotation-id="${annotationId}"]`);
    await card.waitFor();
    // A real drag with the mouse: Chromium fires the HTML5 drag events.
    await card.dragTo(page.locator('.draft-prose p').first());
    await page.locator('.draft-prose blockquote .citation-chip').waitFor();
    expect(await textOf(page, '.draft-prose blockquote')).toContain(quote);
    await expect.poll(() => page.locator('.draft-bibliography li, .draft-bibliography p').count()).toBeGreaterThan(0);
    await expect.poll(() => textOf(page, '.save-status')).toBe('Saved');
    await screenshot(page, 'drafts-quoted-annotation-light-1280');
    expect(JSON.stringify([...core.workspace.records(draftsCollection).values()][0])).toContain(`"targetKind":"annotation","targetId":"${annotationId}"`);
  });

  it('saves what was typed when the author leaves the draft before the autosave pause is over', async () => {
    app = await startApp();
    const { page, core } = app;
    const created = await core.dispatch('drafts.create', { title: 'Quick note' });
    if (!created.ok) throw new Error(created.error.message);
    await app.goto(`#/drafts/${(created.value as { id: string }).id}`);
    await page.locator('.draft-prose').click();
    await page.keyboard.type('Written just before leaving');
    await page.locator('nav.sidebar a', { hasText: 'Library' }).click();
    await page.waitForFunction(() => window.location.hash === '#/library');
    await expect.poll(() => JSON.stringify([...core.workspace.records(draftsCollection).values()][0])).toContain('Written just before leaving');
  });

  it('renames, duplicates, deletes to the trash and restores from the list', async () => {
    app = await startApp();
    const { page, core } = app;
    await core.dispatch('drafts.create', { title: 'Field notes' });
    await app.goto('#/drafts');
    const item = page.locator('.draft-item', { hasText: 'Field notes' });
    await item.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New title').fill('Field notes, April');
    await page.getByLabel('New title').press('Enter');
    await page.locator('.draft-item-title', { hasText: 'Field notes, April' }).waitFor();
    await page.locator('.draft-item').first().getByRole('button', { name: 'Duplicate' }).click();
    await page.locator('.draft-item-title', { hasText: 'Field notes, April (copy)' }).waitFor();
    await page.waitForFunction(() => /^#\/drafts\/draft-/.test(window.location.hash));
    await page.locator('.draft-item', { hasText: '(copy)' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator('.draft-items:not(.trash-items) .draft-item').count()).toBe(1);
    await page.getByRole('button', { name: 'Trash (1)' }).click();
    await page.locator('.trash-items').getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page.locator('.draft-items:not(.trash-items) .draft-item').count()).toBe(2);
    expect((await core.dispatch('drafts.listTrash', {})).ok && (await core.dispatch('drafts.list', {}))).toMatchObject({ ok: true, value: [{}, {}] });
  });

  it('is readable in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await startApp({ colorScheme });
      const { page, core } = app;
      await app.goto('#/drafts');
      await page.locator('.drafts-view .empty-state').waitFor();
      await screenshot(page, `drafts-empty-${colorScheme}-1280`);
      const [first, second] = core.corpus.passages('kcss-kosovo-nato-relations-2024').filter((passage) => passage.kind === 'paragraph').slice(2, 4);
      const markdown = [
        '# Kosovo and NATO',
        '',
        `Public support for membership is **overwhelming** [@${first!.id}], and the *Parliamentary Assembly* matters [see @${second!.id}, p. 12].`,
        '',
        `> Membership remains a strategic objective [@${first!.docId}].`,
        '',
        '- Centres of Excellence',
        '- Partnership for Peace',
        '',
        '| Year | Step |',
        '| --- | --- |',
        '| 2024 | Associate membership |',
        '',
        'Further work remains.',
      ].join('\n');
      const created = await core.dispatch('drafts.create', { title: 'Kosovo and NATO: a research note', markdown });
      if (!created.ok) throw new Error(created.error.message);
      await app.goto(`#/drafts/${(created.value as { id: string }).id}`);
      await page.locator('.draft-bibliography .csl-entry').first().waitFor();
      await page.locator('.citation-chip:not(.is-pending)').first().waitFor();
      await screenshot(page, `drafts-editor-${colorScheme}-1280`);
      // The end of the page: notes and the bibliography.
      await page.locator('.split-detail').evaluate((element) => element.scrollTo(0, element.scrollHeight));
      await screenshot(page, `drafts-bibliography-${colorScheme}-1280`);
      // The citation picker over the page.
      await page.locator('.draft-prose > p').last().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' @kosovo security force');
      await page.locator('.citation-picker-result').first().waitFor();
      await screenshot(page, `drafts-picker-${colorScheme}-1280`);
      await page.keyboard.press('Escape');
      await page.locator('.citation-picker').waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(app.foreignRequests).toEqual([]);
      expect(app.pageErrors).toEqual([]);
      await app.close();
      app = undefined;
    }
  });
});
