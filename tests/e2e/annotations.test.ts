import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ArgsOf, MethodName, ResultOf } from '../../electron/core/api/contract';
import type { Corpus } from '../../electron/core/corpus/schema';
import { closeBrowser, startApp } from './harness';
import { closeAndCheck } from './app-checks';
import type { RunningApp } from './harness';
import { screenshot } from './screenshots';
import { inWindow, selectBetween, selectText } from './selection';

let app: RunningApp | undefined;

afterEach(async () => {
  const current = app;
  app = undefined;
  if (current) await closeAndCheck(current);
});
afterAll(closeBrowser);

/** Calls core directly, as another window or the CLI would: the page must pick the change up. */
async function call<M extends MethodName>(running: RunningApp, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const result = await running.core.dispatch(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as ResultOf<M>;
}

function passageWith(running: RunningApp, needle: string) {
  const corpus: Corpus = running.core.corpus.corpus;
  const passage = corpus.passages.find((candidate) => candidate.text.includes(needle));
  if (!passage) throw new Error(`No passage contains "${needle}"`);
  return passage;
}

/** Three real quotes from three papers, coded so that two topics share two quotes. */
async function seedCodedQuotes(running: RunningApp) {
  const quotes = [
    { needle: 'accredit a Centre of Excellence (COE) in Kosovo', topics: ['Security / NATO', 'Centres of Excellence'], note: 'Cheapest visible signal' },
    { needle: 'Center of Excellence', topics: ['Security / NATO', 'Centres of Excellence'], note: '' },
    { needle: 'Kosovo Security Force', topics: ['Security / NATO'], note: 'KSF, spelled out' },
  ];
  const created = [];
  for (const quote of quotes) {
    const passage = passageWith(running, quote.needle);
    created.push(await call(running, 'annotations.create', { passageId: passage.id, quote: quote.needle, topicPaths: quote.topics, ...(quote.note ? { note: quote.note } : {}) }));
  }
  return created;
}

describe('topics in Chromium', () => {
  it('shows a topic page with every quote, its counts, and a co-occurrence heatmap whose cells open the shared quotes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await startApp({ colorScheme });
      const created = await seedCodedQuotes(app);
      const { page } = app;
      await app.goto('#/topics');
      const tree = page.locator('.codebook-tree');
      await tree.getByRole('link', { name: 'NATO' }).click();
      const topicPage = page.locator('.topic-page');
      await topicPage.waitFor();
      expect(await topicPage.locator('h2').textContent()).toBe('Security / NATO');
      expect(await topicPage.locator('.topic-counts').textContent()).toMatch(/^3 quotes in \d documents/);
      const quotes = topicPage.locator('.topic-quote');
      expect(await quotes.count()).toBe(3);
      // Each quote names its paper and links to its exact passage.
      const first = created[0]!;
      const firstQuote = topicPage.locator(`.topic-quote[data-annotation-id="${first.id}"]`);
      expect(await firstQuote.locator('mark').textContent()).toBe(first.target.selectors.quote.exact);
      expect(await firstQuote.locator('.topic-quote-note').textContent()).toBe('Cheapest visible signal');
      expect(await firstQuote.locator('.topic-quote-source a').getAttribute('href')).toBe(`#/reader/${first.docId}?passage=${first.target.passageIds[0]}`);
      expect(await firstQuote.locator('.topic-quote-source a').textContent()).toContain(first.documentTitle);
      await screenshot(page, `topics-page-${colorScheme}`);

      await page.getByRole('link', { name: 'Co-occurrence' }).click();
      const heatmap = page.locator('table.heatmap');
      await heatmap.waitFor();
      const cell = heatmap.getByRole('button', { name: 'Security / NATO and Centres of Excellence: 2 quotes' });
      await cell.click();
      const pair = page.locator('.pair-quotes');
      await pair.locator('.topic-quote').first().waitFor();
      expect(await pair.locator('.topic-quote').count()).toBe(2);
      await screenshot(page, `topics-heatmap-${colorScheme}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(app.foreignRequests).toEqual([]);
      expect(app.pageErrors).toEqual([]);
      await app.close();
      app = undefined;
    }
  });

  it('edits the codebook: creates, renames, moves, merges, and deletes asking what becomes of the quotes', async () => {
    app = await startApp();
    const [annotation] = await seedCodedQuotes(app);
    const { page } = app;
    await app.goto('#/topics');
    const tree = page.locator('.codebook-tree');
    await tree.getByRole('link', { name: 'NATO' }).waitFor();

    await page.getByRole('textbox', { name: 'New topic' }).fill('Trust in police');
    await page.getByRole('button', { name: 'Add topic' }).click();
    await tree.getByRole('link', { name: 'Trust in police' }).waitFor();

    await page.getByRole('combobox', { name: 'Actions for Trust in police' }).selectOption('rename');
    await page.getByRole('textbox', { name: 'Rename Trust in police' }).fill('Trust in the police');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await tree.getByRole('link', { name: 'Trust in the police' }).waitFor();
    // Each step waits for its form to close (the call answered), not only for core to have
    // the change: the next action's form must not open while this one is still in flight.
    await page.getByRole('textbox', { name: 'Rename Trust in police' }).waitFor({ state: 'detached' });

    // Move's answer is held back until the next form is open, as a busy machine may deliver
    // it: the change event has already refreshed the tree, and the late answer must not close
    // the form the user opened meanwhile (this once failed the suite under load).
    const running = app;
    const dispatch = running.core.dispatch;
    let releaseMove!: () => void;
    const moveAnswered = new Promise<void>((resolve) => (releaseMove = resolve));
    running.core.dispatch = async (method, args) => {
      const result = await dispatch(method, args);
      if (method === 'topics.move') await moveAnswered;
      return result;
    };
    await page.getByRole('combobox', { name: 'Actions for Trust in the police' }).selectOption('move');
    await page.getByRole('combobox', { name: 'Move Trust in the police under' }).selectOption({ label: 'Security' });
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await tree.getByRole('combobox', { name: 'Actions for Security / Trust in the police' }).waitFor();
    expect(await page.locator('.codebook').getAttribute('aria-busy')).toBe('true');

    // Merge "Centres of Excellence" into NATO: its quotes are recoded, not lost.
    await page.getByRole('combobox', { name: 'Actions for Centres of Excellence' }).selectOption('merge');
    await page.getByRole('combobox', { name: 'Merge Centres of Excellence into' }).waitFor();
    releaseMove();
    running.core.dispatch = dispatch;
    await page.locator('.codebook[aria-busy="false"]').waitFor();
    await page.getByRole('combobox', { name: 'Merge Centres of Excellence into' }).selectOption({ label: 'Security / NATO' });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await tree.getByRole('link', { name: 'Centres of Excellence' }).waitFor({ state: 'detached' });

    // Delete NATO, recoding its quotes to its parent.
    await page.getByRole('combobox', { name: 'Actions for Security / NATO' }).selectOption('delete');
    const form = page.getByRole('form', { name: 'Delete NATO' });
    expect(await form.textContent()).toContain('3 quotes are coded with it');
    await form.getByRole('radio', { name: 'Recode them to “Security”' }).check();
    await form.getByRole('button', { name: 'Delete topic' }).click();
    await tree.getByRole('link', { name: 'NATO' }).waitFor({ state: 'detached' });
    const security = (await call(app, 'topics.list', {})).find((topic) => topic.path === 'Security')!;
    expect(security.quotes).toBe(3);
    expect((await call(app, 'annotations.get', { id: annotation!.id })).topicIds).toEqual([security.id]);
    expect(await tree.locator('li', { hasText: 'Security' }).first().locator('.count').textContent()).toBe('3');

    // The quotes and the codebook export from here as files.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('combobox', { name: 'Export' }).selectOption('csv')]);
    expect(csv.suggestedFilename()).toBe('annotations.csv');
    const csvText = await readFile((await csv.path())!, 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('document,page,quote,note,topic,entities,recommendations,created,speaker,start,end');
    expect(csvText).toContain(`${annotation!.target.selectors.quote.exact},Cheapest visible signal,Security,`);
    const [qdc] = await Promise.all([page.waitForEvent('download'), page.getByRole('combobox', { name: 'Export' }).selectOption('qdc')]);
    expect(qdc.suggestedFilename()).toBe('codebook.qdc');
    expect(await readFile((await qdc.path())!, 'utf8')).toMatch(/<Code guid="[0-9a-f-]+" name="Security" isCodable="true" color="#[0-9A-F]{6}">\s*<Code guid="[0-9a-f-]+" name="Trust in the police"/);

    // Ctrl+Z, outside any text field, undoes the delete; Shift+Ctrl+Z redoes it.
    await page.locator('main h1').click();
    await page.keyboard.press('Control+z');
    await tree.getByRole('link', { name: 'NATO' }).waitFor();
    await page.keyboard.press('Control+Shift+z');
    await tree.getByRole('link', { name: 'NATO' }).waitFor({ state: 'detached' });
  });
});

/** The text of every highlight mark of one annotation, joined (a mention or link splits a mark). */
async function highlightedText(page: Page, annotationId: string): Promise<string> {
  return page.evaluate((id) => [...document.querySelectorAll(`.text-column mark.annotation-highlight[data-annotation-ids~="${id}"]`)].map((mark) => mark.textContent).join(''), annotationId);
}

describe('annotating in the reader', () => {
  it('annotates a selection in the text view with a note, a topic and an entity; it shows everywhere, survives a reload, and undo/redo remove and restore it', async () => {
    app = await startApp({ viewport: { width: 1600, height: 1000 } });
    const { page } = app;
    const quote = 'accredit a Centre of Excellence (COE) in Kosovo';
    const passage = passageWith(app, quote);
    await app.goto(`#/reader/${passage.docId}?passage=${passage.id}`);
    const passageSelector = `.text-column [data-passage-id="${passage.id}"]`;
    await page.locator(passageSelector).waitFor();

    await selectText(page, passageSelector, quote);
    const popup = page.getByRole('dialog', { name: 'New annotation' });
    await popup.waitFor();
    expect(await popup.locator('.annotation-editor-quote').textContent()).toBe(quote);
    await popup.getByRole('textbox', { name: 'Note' }).fill('The cheapest visible signal NATO can send');
    await popup.getByRole('radio', { name: 'Green' }).click();
    await popup.getByRole('combobox', { name: 'Add a topic' }).fill('Centres of Excellence');
    await popup.getByRole('option', { name: 'New topic “Centres of Excellence”' }).click();
    await popup.getByRole('combobox', { name: 'Link an entity' }).fill('NATO');
    await popup.getByRole('option', { name: 'NATO · organisation', exact: true }).click();
    await screenshot(page, 'reader-annotation-popup-light');
    await popup.getByRole('button', { name: 'Save annotation' }).click();
    await popup.waitFor({ state: 'detached' });

    const [annotation] = await call(app, 'annotations.list', {});
    expect(annotation).toMatchObject({ docId: passage.docId, note: 'The cheapest visible signal NATO can send', color: 'green', entityIds: ['nato'], target: { passageIds: [passage.id] } });
    expect(annotation!.target.selectors.quote.exact).toBe(quote);
    expect(annotation!.topics.map((topic) => topic.path)).toEqual(['Centres of Excellence']);

    // In the text, drawn in its colour; in the sidebar, with its note, topic and entity.
    await expect.poll(() => highlightedText(page, annotation!.id)).toBe(quote);
    const card = page.locator(`.annotations-sidebar .annotation-card[data-annotation-id="${annotation!.id}"]`);
    await card.waitFor();
    expect(await card.locator('.annotation-card-note').textContent()).toBe('The cheapest visible signal NATO can send');
    expect(await card.locator('.annotation-card-tags').textContent()).toContain('Centres of Excellence');
    expect(await card.locator('.annotation-card-tags').textContent()).toContain('NATO');
    await screenshot(page, 'reader-annotated-light');

    // Survives a reload: it was written to the workspace, not kept in the page.
    await page.reload();
    await page.locator(passageSelector).waitFor();
    await expect.poll(() => highlightedText(page, annotation!.id)).toBe(quote);

    // On the entity's page, as evidence; on the topic's page, as a quote.
    await app.goto('#/entities/nato');
    await page.locator(`.evidence-panel .annotation-card[data-annotation-id="${annotation!.id}"]`).waitFor();
    await app.goto('#/topics');
    await page.locator('.codebook-tree').getByRole('link', { name: 'Centres of Excellence' }).click();
    const topicQuote = page.locator(`.topic-quote[data-annotation-id="${annotation!.id}"]`);
    await topicQuote.waitFor();
    expect(await topicQuote.locator('mark').textContent()).toBe(quote);

    // Undo (outside any text field) removes it from the reader; redo brings the same annotation back.
    await app.goto(`#/reader/${passage.docId}?passage=${passage.id}`);
    await card.waitFor();
    await page.locator('.reader-header h1').click();
    await page.keyboard.press('Control+z');
    await card.waitFor({ state: 'detached' });
    expect(await highlightedText(page, annotation!.id)).toBe('');
    expect(await call(app, 'annotations.list', {})).toEqual([]);
    await page.keyboard.press('Control+Shift+z');
    await card.waitFor();
    await expect.poll(() => highlightedText(page, annotation!.id)).toBe(quote);
    expect((await call(app, 'annotations.get', { id: annotation!.id })).target).toEqual(annotation!.target);

    // Quick coding: with text selected, 1 applies the most recent topic and Enter saves.
    // The new quote overlaps the first, and the overlap is drawn distinctly.
    const overlapping = 'Excellence (COE) in Kosovo, such as the International';
    await selectText(page, passageSelector, overlapping);
    const quick = page.getByRole('dialog', { name: 'New annotation' });
    await quick.waitFor();
    await page.keyboard.press('1');
    await quick.getByRole('list', { name: 'Topics' }).getByText('Centres of Excellence').waitFor();
    await page.keyboard.press('Enter');
    await quick.waitFor({ state: 'detached' });
    const second = (await call(app, 'annotations.list', {})).find((item) => item.id !== annotation!.id)!;
    expect(second.target.selectors.quote.exact).toBe(overlapping);
    expect(second.topics.map((topic) => topic.path)).toEqual(['Centres of Excellence']);
    await expect.poll(() => page.locator('.text-column mark.annotation-highlight.is-overlap').count()).toBeGreaterThan(0);
    const overlapText = await page.evaluate(() => [...document.querySelectorAll('.text-column mark.is-overlap')].map((mark) => mark.textContent).join(''));
    expect(overlapText).toBe('Excellence (COE) in Kosovo');
    expect(await page.locator('.text-column mark.is-overlap').first().getAttribute('title')).toBe('The cheapest visible signal NATO can send');
    await screenshot(page, 'reader-overlap-light');
  });

  it('saves an edit of note, colour, topics and links with one call, undone in one step', async () => {
    app = await startApp({ viewport: { width: 1280, height: 800 } });
    const { page, core } = app;
    const quote = 'accredit a Centre of Excellence (COE) in Kosovo';
    const passage = passageWith(app, quote);
    const created = await call(app, 'annotations.create', { passageId: passage.id, quote, note: 'First thought', topicPaths: ['Security / NATO'], entityIds: ['nato'] });
    await app.goto(`#/reader/${passage.docId}?passage=${passage.id}`);
    const card = page.locator(`.annotations-sidebar .annotation-card[data-annotation-id="${created.id}"]`);
    await card.waitFor();
    await card.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit annotation' });
    await editor.waitFor();
    await editor.getByRole('textbox', { name: 'Note' }).fill('Second thought');
    await editor.getByRole('radio', { name: 'Blue' }).click();
    await editor.getByRole('button', { name: 'Remove Security / NATO' }).click();
    await editor.getByRole('combobox', { name: 'Add a topic' }).fill('Deterrence');
    await editor.getByRole('option', { name: 'New topic “Deterrence”' }).click();
    await editor.getByRole('button', { name: 'Remove NATO' }).click();
    await screenshot(page, 'reader-annotation-edit-1280');

    // Count what the page asks of core while saving.
    const dispatched: string[] = [];
    const dispatch = core.dispatch;
    core.dispatch = (method, args) => {
      dispatched.push(String(method));
      return dispatch(method, args);
    };
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.waitFor({ state: 'detached' });
    core.dispatch = dispatch;
    // The reader saves where it is scrolled to on its own timer; that is not part of the edit.
    const changes = dispatched.filter((method) => method !== 'settings.saveReadingPosition' && !/\.(list|get|recent|palette|state|page|cooccurrence|query|documents?|passages?|sections|footnotes|entities|recommendations|readingPosition)$/.test(method));
    expect(changes).toEqual(['annotations.edit']);
    const edited = await call(app, 'annotations.get', { id: created.id });
    expect(edited).toMatchObject({ note: 'Second thought', color: 'blue', entityIds: [] });
    expect(edited.topics.map((topic) => topic.path)).toEqual(['Deterrence']);

    // One Undo puts the whole edit back, the new topic included.
    await page.locator('.reader-header h1').click();
    await page.keyboard.press('Control+z');
    const running = app;
    await expect.poll(async () => (await call(running, 'annotations.get', { id: created.id })).note).toBe('First thought');
    const restored = await call(app, 'annotations.get', { id: created.id });
    expect(restored).toMatchObject({ color: 'yellow', entityIds: ['nato'] });
    expect(restored.topics.map((topic) => topic.path)).toEqual(['Security / NATO']);
    expect((await call(app, 'topics.list', {})).map((topic) => topic.name)).not.toContain('Deterrence');
  });

  it('annotates a selection over two paragraphs of the text view, sent as two passage points, at both window sizes', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 900, height: 700 }]) {
      app = await startApp({ viewport });
      const { page } = app;
      const corpus: Corpus = app.core.corpus.corpus;
      const passages = corpus.passages.filter((item) => item.docId === 'kcss-advance-kosovo-nato-relations').sort((a, b) => a.order - b.order);
      const index = passages.findIndex((item, i) => item.kind === 'paragraph' && item.text.length > 120 && passages[i + 1]?.kind === 'paragraph' && passages[i + 1]!.text.length > 120);
      const [first, second] = [passages[index]!, passages[index + 1]!];
      // The last words of one paragraph and the first of the next (footnote markers aside).
      const tail = first.text.slice(-60).replace(/^\S*\s/, '');
      const head = second.text.slice(0, 50).replace(/\s\S*$/, '');
      await app.goto(`#/reader/${first.docId}?passage=${first.id}`);
      const at = (id: string) => `.text-column [data-passage-id="${id}"]`;
      await page.locator(at(second.id)).waitFor();

      await selectBetween(page, { selector: at(first.id), text: tail }, { selector: at(second.id), text: head });
      const popup = page.getByRole('dialog', { name: 'New annotation' });
      await popup.waitFor();
      // The preview quotes the words only, not the Link buttons drawn beside the paragraphs.
      expect(await popup.locator('.annotation-editor-quote').textContent()).toBe(`${tail}\n${head}`);
      await screenshot(page, `reader-annotation-across-popup-${viewport.width}`);
      expect(await inWindow(page, '[role="dialog"] button:has-text("Save annotation")')).toBe(true);
      await popup.getByRole('button', { name: 'Save annotation' }).click();
      await popup.waitFor({ state: 'detached' });

      const [annotation] = await call(app, 'annotations.list', {});
      expect(annotation!.target.passageIds).toEqual([first.id, second.id]);
      expect(annotation!.ranges).toEqual([
        { passageId: first.id, start: first.text.length - tail.length, end: first.text.length },
        { passageId: second.id, start: 0, end: head.length },
      ]);
      // Drawn in both paragraphs.
      await expect.poll(() => highlightedText(page, annotation!.id)).toBe(`${tail}${head}`);
      await screenshot(page, `reader-annotated-across-${viewport.width}`);
      const current = app;
      app = undefined;
      await closeAndCheck(current);
    }
  });

  it('annotates a selection in the PDF view, anchored to the same passage as in the text', async () => {
    app = await startApp({ viewport: { width: 1600, height: 1000 } });
    const { page } = app;
    const quote = 'accredit a Centre of Excellence (COE) in Kosovo';
    const passage = passageWith(app, quote);
    await app.goto(`#/reader/${passage.docId}?passage=${passage.id}`);
    // The text layer of the passage's page, once pdf.js has drawn it.
    const layer = page.locator(`.pdf-page[data-page="${passage.page}"] .textLayer`);
    await layer.locator('span').first().waitFor();
    // A run of the passage's words that pdf.js drew as one span on that page.
    const spanText = await layer.evaluate((element, text) => {
      const folded = text.replace(/\s+/g, ' ');
      const spans = [...element.querySelectorAll('span')].map((span) => span.textContent ?? '').filter((value) => value.trim().split(/\s+/).length >= 5);
      return spans.find((value) => folded.includes(value.trim())) ?? '';
    }, passage.text);
    expect(spanText.length).toBeGreaterThan(0);
    const words = spanText.trim().split(/\s+/).slice(0, 5).join(' ');
    await selectText(page, `.pdf-page[data-page="${passage.page}"] .textLayer`, words);
    const popup = page.getByRole('dialog', { name: 'New annotation' });
    await popup.waitFor();
    await popup.getByRole('button', { name: 'Save annotation' }).click();
    await popup.waitFor({ state: 'detached' });
    const [annotation] = await call(app, 'annotations.list', {});
    expect(annotation!.target.passageIds).toEqual([passage.id]);
    expect(annotation!.target.selectors.quote.exact.replace(/\s+/g, ' ')).toBe(words);
    // And it is drawn in the text view, in the same passage.
    await expect.poll(() => highlightedText(page, annotation!.id)).not.toBe('');
    expect(await page.locator(`.text-column [data-passage-id="${passage.id}"] mark.annotation-highlight`).count()).toBeGreaterThan(0);
  });
});
