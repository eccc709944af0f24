import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { ResultOf } from '../../electron/core/api/contract';
import { routeHref } from '../../renderer/src/app/routes';
import type { RunningApp } from './harness';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';
import { frameInPlace, inWindow, selectText, selectWordsAt } from './selection';

/**
 * Issue 19, "working comfort": each defect three users hit, in real Chromium at the two
 * window sizes they used.
 */
const apps = appPerTest();

const paper = 'kcss-advance-kosovo-nato-relations';

describe('the annotation editor fits the window (defect 1)', () => {
  it('keeps Save in the window wherever the selection is, saves with Ctrl+Enter while Enter in the note is a new line, and leaves the app where it was', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      for (const path of ['Security', 'Security / NATO', 'Trust in police', 'Centres of Excellence']) await callCore(app, 'topics.create', { name: path.split(' / ').at(-1)! });
      await app.goto(routeHref('reader', [paper]));
      await page.locator('.text-column p.passage').nth(2).waitFor();
      const popup = page.getByRole('dialog', { name: 'New annotation' });
      let saved = 0;
      // Selections high, in the middle and low in the window.
      for (const fraction of [0.2, 0.55, 0.85]) {
        const quote = await selectWordsAt(page, Math.round(viewport.height * fraction));
        expect(quote, `some paragraph text at ${fraction} of the height`).toBeTruthy();
        await popup.waitFor();
        // Make it as tall as it gets: a note, two topics, an entity.
        await popup.getByRole('textbox', { name: 'Note' }).fill('line one');
        await popup.getByRole('textbox', { name: 'Note' }).press('Enter');
        await popup.getByRole('textbox', { name: 'Note' }).type('line two');
        expect(await popup.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('line one\nline two');
        expect(await popup.isVisible()).toBe(true);
        await popup.getByRole('combobox', { name: 'Add a topic' }).fill('NATO');
        await popup.getByRole('combobox', { name: 'Add a topic' }).press('Enter');
        await popup.getByRole('combobox', { name: 'Add a topic' }).fill('Centres');
        await popup.getByRole('combobox', { name: 'Add a topic' }).press('Enter');
        await popup.getByRole('combobox', { name: 'Link an entity' }).fill('Kosovo Security');
        await expect.poll(() => inWindow(page, '.annotation-editor button.primary')).toBe(true);
        expect(await inWindow(page, '.annotation-editor')).toBe(true);
        expect(await popup.locator('.annotation-editor-hint').textContent()).toMatch(/Ctrl\+Enter saves/);
        if (fraction === 0.85) await screenshot(page, `comfort-editor-low-${viewport.width}`);
        await popup.getByRole('combobox', { name: 'Link an entity' }).press('Enter');
        await popup.getByRole('textbox', { name: 'Note' }).press('Control+Enter');
        await popup.waitFor({ state: 'detached' });
        saved += 1;
        const annotations = await callCore(app, 'annotations.list', {});
        expect(annotations).toHaveLength(saved);
        const latest = annotations.find((annotation) => annotation.target.selectors.quote.exact === quote)!;
        expect(latest.note).toBe('line one\nline two');
        expect(latest.topics.map((topic) => topic.path).sort()).toEqual(['Centres of Excellence', 'NATO']);
        expect(latest.entities.map((entity) => entity.name)).toEqual(['Kosovo Security Force']);
        expect(await frameInPlace(page)).toEqual({ appTop: 0, scrolled: [], sideways: false });
      }
      await apps.end();
    }
  });
});

describe('topic and entity type-ahead (defect 2)', () => {
  it('takes "Trust in police" for trust+Enter and Serbia for Serbia+Enter: exact and prefix first, the highlighted choice visible', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      // Created in this order, so the codebook lists the wrong candidate first.
      await callCore(app, 'topics.create', { name: 'Local trust-building' });
      const security = await callCore(app, 'topics.create', { name: 'Security' });
      await callCore(app, 'topics.create', { name: 'Trust in police', parentId: security.id });
      const quote = 'accredit a Centre of Excellence (COE) in Kosovo';
      const passage = app.core.corpus.corpus.passages.find((candidate) => candidate.text.includes(quote))!;
      await app.goto(`#/reader/${passage.docId}?passage=${passage.id}`);
      await selectText(page, `.text-column [data-passage-id="${passage.id}"]`, quote);
      const popup = page.getByRole('dialog', { name: 'New annotation' });
      await popup.waitFor();

      const topic = popup.getByRole('combobox', { name: 'Add a topic' });
      await topic.fill('trust');
      const highlighted = popup.getByRole('option', { selected: true });
      expect(await highlighted.textContent()).toMatch(/^Trust in police/);
      expect(await highlighted.isVisible()).toBe(true);
      // The field points at the highlighted option, as a combobox should.
      expect(await topic.getAttribute('aria-activedescendant')).toBe(await highlighted.getAttribute('id'));
      await screenshot(page, `comfort-typeahead-${viewport.width}`);
      await topic.press('Enter');
      expect(await popup.getByRole('list', { name: 'Topics' }).textContent()).toContain('Security / Trust in police');

      // Arrow keys move the highlight; Enter takes what is highlighted, nothing else.
      await topic.fill('trust');
      await topic.press('ArrowDown');
      expect(await popup.getByRole('option', { selected: true }).textContent()).toMatch(/^New topic “trust”/);
      await topic.press('ArrowUp');
      expect(await popup.getByRole('option', { selected: true }).textContent()).toMatch(/^Local trust-building/);
      await topic.press('Enter');

      const entity = popup.getByRole('combobox', { name: 'Link an entity' });
      await entity.fill('Serbia');
      expect(await popup.getByRole('option', { selected: true }).textContent()).toMatch(/^Serbia ·/);
      await entity.press('Enter');
      expect(await popup.getByRole('list', { name: 'Entities' }).textContent()).toMatch(/^Serbia×$/);

      await popup.getByRole('button', { name: 'Save annotation' }).click();
      await popup.waitFor({ state: 'detached' });
      const [saved] = await callCore(app, 'annotations.list', {});
      expect(saved!.topics.map((item) => item.path).sort()).toEqual(['Local trust-building', 'Security / Trust in police']);
      expect(saved!.entityIds).toEqual(['serbia']);
      await apps.end();
    }
  });
});

/** The find hit drawn as the current one in the text view (the Custom Highlight API), and whether it is on screen. */
function currentTextHit(running: RunningApp) {
  return running.page.evaluate(() => {
    const range = [...(CSS.highlights.get('find-current') ?? [])][0] as Range | undefined;
    if (!range) return { text: '', inView: false, hits: CSS.highlights.get('find-hit')?.size ?? 0 };
    const box = range.getBoundingClientRect();
    const pane = document.querySelector('.text-scroller')!.getBoundingClientRect();
    return { text: range.toString(), inView: box.top >= pane.top && box.bottom <= pane.bottom, hits: CSS.highlights.get('find-hit')?.size ?? 0 };
  });
}

const occurrences = (texts: string[], needle: string) => texts.reduce((count, text) => count + text.toLowerCase().split(needle.toLowerCase()).length - 1, 0);

describe('find in every view of every document (defect 5)', () => {
  it('finds in the text view with the PDF hidden, in the PDF view, and in an imported transcript; Ctrl+F never shows a hidden view', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      await app.goto(routeHref('reader', [paper]));
      await page.locator('.text-column p.passage').first().waitFor();
      await page.getByRole('button', { name: 'PDF', exact: true }).click();
      await page.locator('.pdf-pane').waitFor({ state: 'detached' });
      await page.locator('.text-column p.passage').first().click();
      await page.keyboard.press('Control+f');
      const input = page.getByRole('searchbox', { name: 'Find in document' });
      await input.waitFor();
      // The PDF stays hidden: find searches the text the reader is looking at.
      expect(await page.locator('.pdf-pane').count()).toBe(0);
      expect(await page.locator('.find-bar').getAttribute('data-scope')).toBe('text');
      await input.fill('Centre of Excellence');
      const count = page.locator('.find-count');
      await expect.poll(() => count.textContent()).toMatch(/^1 of \d+$/);
      const total = Number((await count.textContent())!.split(' of ')[1]);
      const passages = await callCore(app, 'corpus.passages', { docId: paper });
      expect(total).toBe(occurrences(passages.map((passage) => passage.text), 'Centre of Excellence'));
      expect((await currentTextHit(app)).text.toLowerCase()).toBe('centre of excellence');
      await input.press('Enter');
      await expect.poll(() => count.textContent()).toBe(`2 of ${total}`);
      await expect.poll(async () => (await currentTextHit(app)).inView).toBe(true);
      await input.press('Shift+Enter');
      await input.press('Shift+Enter');
      await expect.poll(() => count.textContent()).toBe(`${total} of ${total}`);
      await screenshot(page, `comfort-find-text-${viewport.width}`);
      await input.press('Escape');
      expect((await currentTextHit(app)).hits).toBe(0);

      // The PDF view: shown again, pointed at, Ctrl+F searches its pages.
      await page.getByRole('button', { name: 'PDF', exact: true }).click();
      await page.locator('.pdf-page[data-page="1"][data-rendered="true"]').waitFor();
      await page.locator('.pdf-scroller').click({ position: { x: 10, y: 10 } });
      await page.keyboard.press('Control+f');
      expect(await page.locator('.find-bar').getAttribute('data-scope')).toBe('pdf');
      await input.fill('Centre of Excellence');
      await expect.poll(() => count.textContent()).toMatch(/^1 of \d+$/);
      await page.locator('.pdf-page mark.find-hit.is-current').first().waitFor();
      // With both views shown, the bar switches between them without closing.
      await page.getByRole('group', { name: 'Find in' }).getByRole('button', { name: 'Find in the text' }).click();
      expect(await page.locator('.find-bar').getAttribute('data-scope')).toBe('text');
      await expect.poll(() => count.textContent()).toBe(`1 of ${total}`);

      // An imported transcript (no PDF at all) is found in too.
      const imported = await callCore(app, 'import.file', { path: `${process.cwd()}/tests/fixtures/transcripts/interview-mitrovica-north-2024-03.txt` });
      const docId = imported.documentId;
      await app.goto(routeHref('reader', [docId]));
      await page.locator('.text-column .passage').first().waitFor();
      await page.locator('.text-column .passage').first().click();
      await page.keyboard.press('Control+f');
      await input.fill('Mitrovica');
      const transcript = await callCore(app, 'corpus.passages', { docId });
      await expect.poll(() => count.textContent()).toBe(`1 of ${occurrences(transcript.map((passage) => passage.text), 'Mitrovica')}`);
      expect((await currentTextHit(app)).text).toBe('Mitrovica');
      await apps.end();
    }
  });
});

describe('quick-code digits and topic colours (defect 6)', () => {
  it('keeps 1–9 on the codebook order after use, shows the digits in the popup and the codebook, and colours highlights by topic when asked', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      for (const name of ['Security', 'Trust in police', 'Centres of Excellence']) await callCore(app, 'topics.create', { name });
      // The codebook's own order (as its tree lists it) is what the digits follow.
      const topics = await callCore(app, 'topics.list', {});
      const names = topics.map((topic) => topic.name);
      const labels = names.map((name, index) => `${index + 1} ${name}`);
      await app.goto(routeHref('reader', [paper]));
      await page.locator('.text-column p.passage').nth(2).waitFor();
      const popup = page.getByRole('dialog', { name: 'New annotation' });
      const quickLabels = () => popup.getByRole('group', { name: 'Quick topics' }).getByRole('button').allTextContents();

      await selectWordsAt(page, Math.round(viewport.height * 0.3));
      await popup.waitFor();
      expect(await quickLabels()).toEqual(labels);
      await page.keyboard.press('3');
      await page.keyboard.press('Enter');
      await popup.waitFor({ state: 'detached' });

      // Used or not, 1 is still the codebook's first topic.
      await selectWordsAt(page, Math.round(viewport.height * 0.6));
      await popup.waitFor();
      expect(await quickLabels()).toEqual(labels);
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      await popup.waitFor({ state: 'detached' });
      const saved = await callCore(app, 'annotations.list', {});
      expect(saved.map((annotation) => annotation.topics.map((topic) => topic.path)).sort()).toEqual([[names[0]], [names[2]]].sort());

      // Highlights in their topic's colour, once asked for; the choice is kept in the workspace.
      const centres = saved.find((annotation) => annotation.topics[0]!.path === names[2])!;
      const mark = page.locator(`.text-column mark.annotation-highlight[data-annotation-id="${centres.id}"]`).first();
      await mark.waitFor();
      if (!(await page.locator('.annotations-sidebar').isVisible())) await page.getByRole('button', { name: /^Annotations/ }).click();
      await page.getByRole('checkbox', { name: 'Colour highlights by topic' }).check();
      await expect.poll(() => mark.evaluate((element) => getComputedStyle(element).getPropertyValue('--hl').trim().toLowerCase())).toBe(topics[2]!.color.toLowerCase());
      await expect.poll(async () => (await callCore(app, 'settings.preferences', {})).highlightColoring).toBe('topic');
      await screenshot(page, `comfort-topic-colours-${viewport.width}`);

      await app.goto('#/topics');
      const tree = page.locator('.codebook-tree');
      for (const [index, name] of names.entries()) expect(await tree.locator('li', { hasText: name }).first().locator('.quick-digit').textContent()).toBe(String(index + 1));
      await apps.end();
    }
  });
});

const report = 'kcss-foreign-security-priorities-2026';

describe('footnotes in tables and footnote search results (defect 7)', () => {
  it('shows notes 26–36 inside the 2026 report’s table, and a footnote search result opens the note itself', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const rows = (await callCore(app, 'corpus.passages', { docId: report })).filter((passage) => passage.kind === 'table-row');
      const row = rows.find((passage) => passage.footnoteRefs.some((ref) => ref.number === 27))!;
      await app.goto(`#/reader/${report}?passage=${row.id}`);
      const table = page.locator('.text-column table.passage-table');
      await table.locator(`button[data-footnote="27"]`).waitFor();
      expect(await table.locator('button[data-footnote]').evaluateAll((buttons) => buttons.map((button) => Number(button.getAttribute('data-footnote'))))).toEqual([26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36]);
      // The marker sits in its cell, right after the words it annotates.
      const cell = table.locator(`tr[data-passage-id="${row.id}"] td`, { has: page.locator('button[data-footnote="27"]') });
      expect(await cell.textContent()).toContain('December 2022.27');
      await table.locator('button[data-footnote="27"]').click();
      const popover = page.locator('.footnote-popover');
      await popover.waitFor();
      expect(await popover.locator('.popover-kicker').textContent()).toBe('Note 27');
      await screenshot(page, `comfort-table-notes-${viewport.width}`);
      await page.keyboard.press('Escape');

      // Searching the note's words and opening the footnote result opens the note, at its citing passage.
      await app.goto(routeHref('search', [], { q: 'kosovo submits eu membership application reuters' }));
      await page.locator('.facet-value', { hasText: 'Footnotes' }).click();
      const result = page.locator('.search-result', { hasText: 'Footnote 27' }).first();
      await result.waitFor();
      await result.locator('a').click();
      await page.waitForURL(/#\/reader\//);
      await popover.waitFor();
      expect(await popover.locator('.popover-kicker').textContent()).toBe('Note 27');
      expect(await popover.textContent()).toContain('reuters.com');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-footnote'))).toBe('27');
      await apps.end();
    }
  });
});

describe('all annotations, where the reader left off, and annotating by keyboard (defect 8)', () => {
  it('lists every annotation with filters by paper, topic, colour, coder and days, sorts them, and moves through them by keyboard', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const seeds = [
        { needle: 'accredit a Centre of Excellence (COE) in Kosovo', topic: 'Centres of Excellence', color: 'green' as const },
        { needle: 'Kosovo Security Force', topic: 'Security', color: 'red' as const },
        { needle: 'Center of Excellence', topic: 'Centres of Excellence', color: 'red' as const },
      ];
      const made: Array<ResultOf<'annotations.create'>> = [];
      for (const seed of seeds) {
        const passage = app.core.corpus.corpus.passages.find((candidate) => candidate.text.includes(seed.needle))!;
        made.push(await callCore(app, 'annotations.create', { passageId: passage.id, quote: seed.needle, topicPaths: [seed.topic], color: seed.color }));
      }
      await app.goto('#/annotations');
      const items = page.locator('.annotations-view-list > li');
      await expect.poll(() => items.count()).toBe(3);
      // Newest first.
      expect(await items.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-item')))).toEqual([made[2]!.id, made[1]!.id, made[0]!.id]);
      await page.getByRole('combobox', { name: 'Filter by topic' }).selectOption({ label: 'Centres of Excellence' });
      await expect.poll(() => items.count()).toBe(2);
      await page.getByRole('combobox', { name: 'Filter by colour' }).selectOption('red');
      await expect.poll(() => items.count()).toBe(1);
      expect(await items.first().getAttribute('data-item')).toBe(made[2]!.id);
      await page.getByRole('combobox', { name: 'Filter by topic' }).selectOption('');
      await page.getByRole('combobox', { name: 'Filter by colour' }).selectOption('');
      await page.getByRole('combobox', { name: 'Filter by paper' }).selectOption({ label: made[1]!.documentTitle });
      await expect.poll(() => items.count()).toBe(made.filter((annotation) => annotation.docId === made[1]!.docId).length);
      await page.getByRole('combobox', { name: 'Filter by paper' }).selectOption('');
      // Days: made today, so nothing is made from tomorrow on.
      const tomorrow = await page.evaluate(() => {
        const day = new Date(Date.now() + 86_400_000);
        return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
      });
      await page.getByLabel('Made on or after').fill(tomorrow);
      await page.getByText('No annotation matches').waitFor();
      await page.getByLabel('Made on or after').fill('');
      await expect.poll(() => items.count()).toBe(3);
      // Author: a colleague's annotation, by coder.
      await callCore(app, 'app.setUser', { name: 'Besnik Gashi', id: 'besnik' });
      const colleagues = await callCore(app, 'annotations.create', { passageId: made[1]!.target.passageIds[0]!, quote: seeds[1]!.needle, color: 'blue' });
      await expect.poll(() => items.count()).toBe(4);
      await page.getByRole('combobox', { name: 'Filter by coder' }).selectOption({ label: 'Besnik Gashi' });
      await expect.poll(() => items.count()).toBe(1);
      expect(await items.first().getAttribute('data-item')).toBe(colleagues.id);
      await page.getByRole('combobox', { name: 'Filter by coder' }).selectOption('');
      await expect.poll(() => items.count()).toBe(4);
      await page.getByRole('combobox', { name: 'Sort annotations' }).selectOption('oldest');
      await expect.poll(() => items.first().getAttribute('data-item')).toBe(made[0]!.id);
      await screenshot(page, `comfort-annotations-list-${viewport.width}`);

      // One Tab stop; arrows move; Enter opens the annotation at its passage in the reader.
      await page.getByRole('combobox', { name: 'Sort annotations' }).focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item'))).toBe(made[0]!.id);
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item'))).toBe(made[1]!.id);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('.annotations-view-list'))).toBeNull();
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item'))).toBe(made[1]!.id);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`#/reader/${made[1]!.docId}\\?passage=${made[1]!.target.passageIds[0]}`));
      expect(await frameInPlace(page)).toEqual({ appTop: 0, scrolled: [], sideways: false });
      await apps.end();
    }
  });

  it('reopens the paper read last, where the reader left it, and annotates the selection or the current passage by keyboard', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const docId = 'kcss-crisis-management-to-stability';
      await app.goto(routeHref('reader', [docId]));
      await page.locator('.text-column p.passage').first().waitFor();
      for (let i = 0; i < 5; i++) await page.keyboard.press('j');
      const active = page.locator('.text-column .passage.is-highlighted');
      await active.waitFor();
      const passageId = (await active.getAttribute('data-passage-id'))!;
      await expect.poll(async () => (await callCore(app, 'settings.readingPosition', { docId }))?.passageId, { timeout: 10_000 }).toBe(passageId);

      // Elsewhere, then the Reader from the sidebar: the same paper, at the same passage.
      await app.goto('#/library');
      await page.locator('.document-card').first().waitFor();
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Reader' }).click();
      await page.waitForURL(new RegExp(`#/reader/${docId}$`));
      await page.locator(`.text-column [data-passage-id="${passageId}"]`).waitFor();
      await expect
        .poll(() =>
          page.evaluate((id) => {
            const box = document.querySelector(`.text-column [data-passage-id="${id}"]`)!.getBoundingClientRect();
            const pane = document.querySelector('.text-scroller')!.getBoundingClientRect();
            return box.bottom > pane.top && box.top < pane.bottom;
          }, passageId),
        )
        .toBe(true);

      // `a` with nothing selected annotates the current passage.
      await page.keyboard.press('j');
      const current = page.locator('.text-column .passage.is-highlighted');
      const currentId = (await current.getAttribute('data-passage-id'))!;
      await page.keyboard.press('a');
      const popup = page.getByRole('dialog', { name: 'New annotation' });
      await popup.waitFor();
      await page.keyboard.press('Enter');
      await popup.waitFor({ state: 'detached' });
      const passage = (await callCore(app, 'corpus.passages', { docId })).find((item) => item.id === currentId)!;
      const [whole] = await callCore(app, 'annotations.list', { docId });
      expect(whole!.target.selectors.quote.exact).toBe(passage.text);
      // The passage is drawn again with its new highlight when the change event arrives; a
      // selection made before that would be lost with the text nodes it was made in.
      await page.locator(`.text-column mark.annotation-highlight[data-annotation-ids~="${whole!.id}"]`).first().waitFor();

      // Ctrl+Shift+A annotates a selection made without the mouse.
      const words = passage.text.split(' ').slice(1, 5).join(' ');
      await page.evaluate(
        ([id, wanted]) => {
          const element = document.querySelector(`.text-column [data-passage-id="${id}"]`)!;
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent!.indexOf(wanted!);
            if (at === -1) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + wanted!.length);
            window.getSelection()!.removeAllRanges();
            window.getSelection()!.addRange(range);
            return;
          }
          throw new Error('words not found in one text node');
        },
        [currentId, words] as const,
      );
      await page.keyboard.press('Control+Shift+A');
      await popup.waitFor();
      expect(await popup.locator('.annotation-editor-quote').textContent()).toBe(words);
      await popup.getByRole('button', { name: 'Save annotation' }).click();
      await popup.waitFor({ state: 'detached' });
      expect((await callCore(app, 'annotations.list', { docId })).map((annotation) => annotation.target.selectors.quote.exact)).toContain(words);

      // Both are in the shortcut help (?).
      await page.locator('.reader-header h1').click();
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.waitFor();
      expect(await help.textContent()).toMatch(/Annotate the selection/);
      expect(await help.textContent()).toContain('Ctrl+Shift+A');
      expect(await inWindow(page, 'dialog.shortcut-help .modal-actions button')).toBe(true);
      await screenshot(page, `comfort-shortcut-help-${viewport.width}`);
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });
      await apps.end();
    }
  });
});

describe('drafts: the renamed title and citations before punctuation (defect 10)', () => {
  it('shows a rename made in the list in the title field, and puts no space between a citation and the punctuation after it', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const draft = await callCore(app, 'drafts.create', {});
      await app.goto(routeHref('drafts', [draft.id]));
      const title = page.getByLabel('Title', { exact: true });
      await expect.poll(() => title.inputValue()).toBe('Untitled draft');
      if (await page.locator('.drafts-list-toggle').isVisible()) await page.locator('.drafts-list-toggle').click();
      const item = page.locator(`.draft-item[data-draft-id="${draft.id}"]`);
      await item.getByRole('button', { name: 'Rename' }).click();
      await item.getByRole('textbox', { name: 'New title' }).fill('Kosovo and NATO');
      await item.getByRole('textbox', { name: 'New title' }).press('Enter');
      await expect.poll(() => title.inputValue()).toBe('Kosovo and NATO');
      if (await page.locator('.drafts-list-toggle').isVisible()) await page.locator('.drafts-list-toggle').click();

      const prose = page.locator('.draft-prose');
      await prose.click();
      // A citation typed in front of a full stop already there.
      await page.keyboard.type('Kosovo hosts no centre yet.');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type(' @centre of excellence');
      await page.locator('.citation-picker-result').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.citation-picker').waitFor({ state: 'detached' });
      // And one typed at the end, followed by a comma.
      await page.keyboard.press('End');
      await page.keyboard.type(' See @KSF');
      await page.locator('.citation-picker-result').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.citation-picker').waitFor({ state: 'detached' });
      await page.keyboard.type(', twice.');
      const chips = page.locator('.citation-chip');
      await expect.poll(() => chips.count()).toBe(2);
      await expect.poll(() => chips.first().getAttribute('class')).not.toContain('is-pending');
      const [first, second] = await chips.allTextContents();
      const paragraph = (await prose.locator('p').first().textContent())!;
      expect(paragraph).toBe(`Kosovo hosts no centre yet ${first}. See ${second}, twice.`);
      await screenshot(page, `comfort-draft-punctuation-${viewport.width}`);
      await apps.end();
    }
  });
});

/** Nothing in the main area runs wider than it (only boxes made to scroll, like a wide table, scroll inside). */
function mainFits(running: RunningApp) {
  return running.page.evaluate(() => {
    const main = document.querySelector('main')!;
    return { page: document.documentElement.scrollWidth <= window.innerWidth, main: main.scrollWidth <= main.clientWidth };
  });
}

describe('exports carry the coding (defect 9)', () => {
  it('the Markdown and CSV exported from the Topics view carry speakers, topics by full path, entities and recommendations', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const security = await callCore(app, 'topics.create', { name: 'Security' });
      const trust = await callCore(app, 'topics.create', { name: 'Trust in police', parentId: security.id });
      const transcript = Array.from({ length: 4 }, (_, index) => `${index % 2 ? 'Respondent' : 'Interviewer'}: turn ${index + 1} about the police in the north.`).join('\n\n');
      const imported = await callCore(app, 'import.bytes', { fileName: 'interview-09.txt', base64: Buffer.from(transcript).toString('base64') });
      const answer = app.core.corpus.passages(imported.documentId).find((passage) => passage.speaker === 'Respondent')!;
      await callCore(app, 'annotations.create', { passageId: answer.id, quote: answer.text.slice(0, 20), topicIds: [trust.id], entityIds: ['nato'] });
      await app.goto(routeHref('topics'));
      const menu = page.getByRole('combobox', { name: 'Export' });
      await menu.waitFor();
      const [md] = await Promise.all([page.waitForEvent('download'), menu.selectOption('md')]);
      const markdown = await readFile((await md.path())!, 'utf8');
      expect(markdown).toContain(`> ${answer.text.slice(0, 20)}`);
      expect(markdown).toContain('- Speaker: Respondent\n- Topics: Security / Trust in police\n- Entities: NATO\n');
      const [csv] = await Promise.all([page.waitForEvent('download'), menu.selectOption('csv')]);
      const [header, row] = (await readFile((await csv.path())!, 'utf8')).split('\r\n');
      expect(header).toBe('document,page,quote,note,topic,entities,recommendations,created,speaker,start,end');
      expect(row).toMatch(/,Security \/ Trust in police,NATO,,[^,]+,Respondent,,$/);
      await apps.end();
    }
  });
});

describe('a layout that adapts at 900 px (defect 3)', () => {
  it('folds the sidebar to named icons, lays side panels over the text, gives the text and the draft editor their width, and scrolls the co-occurrence grid in its own box', async () => {
    const app = await apps.start({ viewport: { width: 900, height: 700 } });
    const { page } = app;
    // Enough topics, with long names, for a co-occurrence grid wider than the window.
    const passage = app.core.corpus.corpus.passages.find((candidate) => candidate.docId === paper && candidate.kind === 'paragraph' && candidate.text.length > 200)!;
    const paths = Array.from({ length: 12 }, (_, index) => `Security / Long topic name number ${index + 1} about the north`);
    await callCore(app, 'annotations.create', { passageId: passage.id, quote: passage.text.slice(0, 60), topicPaths: paths });
    await callCore(app, 'annotations.create', { passageId: passage.id, quote: passage.text.slice(20, 90), topicPaths: paths.slice(0, 6) });

    await app.goto('#/library');
    await page.locator('.document-card').first().waitFor();
    const nav = page.getByRole('navigation', { name: 'Views' });
    expect(await nav.evaluate((element) => element.getBoundingClientRect().width)).toBeLessThanOrEqual(64);
    // Every view keeps its name for screen readers, and shows it beside the icon on keyboard focus.
    for (const label of ['Library', 'Reader', 'Entities', 'Recommendations', 'Topics', 'Drafts', 'Search', 'Annotations']) expect(await nav.getByRole('link', { name: label }).count()).toBe(1);
    await nav.getByRole('link', { name: 'Topics' }).focus();
    const tip = nav.getByRole('link', { name: 'Topics' }).locator('.sidebar-label');
    await expect.poll(() => tip.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
    expect(await inWindow(page, 'nav.sidebar a[href="#/topics"] .sidebar-label')).toBe(true);
    await screenshot(page, 'comfort-narrow-sidebar-900');

    // The reader: PDF and text share the width; the annotations open over the text, not beside it.
    await app.goto(routeHref('reader', [paper]));
    await page.locator('.pdf-page[data-page="1"][data-rendered="true"]').waitFor();
    const textWidth = () => page.locator('.text-column').evaluate((element) => element.getBoundingClientRect().width);
    expect(await textWidth()).toBeGreaterThanOrEqual(360);
    await page.getByRole('button', { name: /^Annotations/ }).click();
    await page.locator('.annotations-sidebar').waitFor();
    expect(await textWidth()).toBeGreaterThanOrEqual(360);
    expect(await inWindow(page, '.annotations-pane')).toBe(true);
    await screenshot(page, 'comfort-narrow-reader-900');
    expect(await mainFits(app)).toEqual({ page: true, main: true });

    // The draft editor takes the width; the list folds behind a button.
    const draft = await callCore(app, 'drafts.create', {});
    await app.goto(routeHref('drafts', [draft.id]));
    await page.locator('.draft-prose').waitFor();
    expect(await page.locator('.draft-prose').evaluate((element) => element.getBoundingClientRect().width)).toBeGreaterThanOrEqual(560);
    await page.locator('.drafts-list-toggle').click();
    await page.locator('.draft-list').waitFor();
    expect(await inWindow(page, '#drafts-list')).toBe(true);
    await screenshot(page, 'comfort-narrow-drafts-900');
    expect(await mainFits(app)).toEqual({ page: true, main: true });

    // The co-occurrence grid scrolls inside its own box; the page does not.
    await app.goto('#/topics/cooccurrence');
    const grid = page.locator('.heatmap-scroll');
    await grid.waitFor();
    expect(await grid.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await grid.evaluate((element) => element.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await screenshot(page, 'comfort-narrow-heatmap-900');

    for (const hash of ['#/library', '#/entities/nato', '#/recommendations', '#/topics', '#/topics/cooccurrence', '#/drafts', '#/search?q=kosovo', '#/annotations']) {
      await app.goto(hash);
      await page.locator('main h1, main h2').first().waitFor();
      expect(await mainFits(app), hash).toEqual({ page: true, main: true });
    }
  });
});

describe('entity names and the keyboard', () => {
  it('makes the names of a paper one Tab stop, with the arrow keys between them, E to reach them and Enter to open one', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      await app.goto(routeHref('reader', [paper]));
      const mentions = page.locator('.text-column .mention');
      await mentions.first().waitFor();
      expect(await mentions.count()).toBeGreaterThan(20);
      expect(await page.locator('.text-column .mention[tabindex="0"]').count()).toBe(1);

      await page.locator('.text-column .mention[tabindex="0"]').focus();
      const first = await page.evaluate(() => document.activeElement?.getAttribute('data-mention'));
      await page.keyboard.press('ArrowRight');
      const second = await page.evaluate(() => document.activeElement?.getAttribute('data-mention'));
      expect(second).toBeTruthy();
      expect(second).not.toBe(first);
      const card = page.locator('.entity-card');
      await card.waitFor();
      // The Tab stop follows: leaving and coming back lands on the name last visited.
      expect(await page.locator('.text-column .mention[tabindex="0"]').getAttribute('data-mention')).toBe(second);

      // E goes to the names of the current passage.
      await page.locator('.reader-header h1').click();
      const withNames = await page.evaluate(() => document.querySelector('.text-column p.passage:has(.mention)')?.getAttribute('data-passage-id'));
      await page.locator(`.text-column [data-passage-id="${withNames}"]`).click({ position: { x: 2, y: 2 } });
      await page.keyboard.press('e');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-passage-id]')?.getAttribute('data-passage-id'))).toBe(withNames);
      const entityId = await page.evaluate(() => document.activeElement?.getAttribute('data-entity'));
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`#/entities/${entityId}$`));
      await apps.end();
    }
  });
});

describe('the shared data hook', () => {
  it('refreshes a view when core reports a change made elsewhere, without closing the form the user is filling in', async () => {
    const app = await apps.start({ viewport: { width: 1280, height: 800 } });
    const { page } = app;
    const passage = app.core.corpus.corpus.passages.find((candidate) => candidate.text.includes('Kosovo Security Force'))!;
    const first = await callCore(app, 'annotations.create', { passageId: passage.id, quote: 'Kosovo Security Force' });
    await app.goto(`#/reader/${passage.docId}?passage=${passage.id}`);
    const card = page.locator(`.annotations-sidebar .annotation-card[data-annotation-id="${first.id}"]`);
    await card.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit annotation' });
    await editor.getByRole('textbox', { name: 'Note' }).fill('Half-written thought');
    // Another window (or the CLI) annotates the same paper: the sidebar lists it at once…
    const other = app.core.corpus.corpus.passages.find((candidate) => candidate.docId === passage.docId && candidate.id !== passage.id && candidate.kind === 'paragraph')!;
    const second = await callCore(app, 'annotations.create', { passageId: other.id, quote: other.text.slice(0, 30) });
    await page.locator(`.annotations-sidebar .annotation-card[data-annotation-id="${second.id}"]`).waitFor();
    // …and the open editor keeps what was typed.
    expect(await editor.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Half-written thought');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await callCore(app, 'annotations.get', { id: first.id })).note).toBe('Half-written thought');
  });
});
