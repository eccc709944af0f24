/** The Evidence view in real Chromium: timeline, figures and network, their filters, links and exports. */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import type { EventEditView, EventsResult, EntityNetwork, FigureGroup } from '../../electron/core/evidence/index';
import { eventEditsCollection } from '../../electron/core/evidence/index';
import type { Corpus } from '../../electron/core/corpus/schema';
import { closeBrowser, startApp } from './harness';
import type { RunningApp } from './harness';
import { closeAndCheck } from './app-checks';
import { screenshot } from './screenshots';

let app: RunningApp | undefined;

afterEach(async () => {
  const current = app;
  app = undefined;
  if (current) await closeAndCheck(current);
});
afterAll(closeBrowser);

const TRUST = 'rssee-building-trust-kosovo-serbia';

async function invoke<T>(page: Page, method: string, args: unknown): Promise<T> {
  return page.evaluate(
    async ([m, a]) => {
      const result = await window.workbench.invoke(m as string, a);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    [method, args] as const,
  ) as Promise<T>;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** xmllint, a real XML parser, reads the SVG without complaint. */
async function wellFormedSvg(bytes: Buffer): Promise<void> {
  const file = join(tmpdir(), `evidence-${process.pid}-${Date.now()}.svg`);
  await writeFile(file, bytes);
  execFileSync('xmllint', ['--noout', file]);
}

/** Nothing sticks out sideways at this window size. */
async function fitsWidth(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth, main: document.querySelector('.main')!.scrollWidth, mainClient: document.querySelector('.main')!.clientWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  expect(widths.main).toBeLessThanOrEqual(widths.mainClient);
}

describe('the Evidence view in Chromium', () => {
  it('Timeline: draws precision honestly, filters by paper, shows the papers side by side, opens a passage and exports', async () => {
    app = await startApp();
    const { page } = app;
    await app.goto('#/evidence/timeline');
    const timeline = page.locator('.evidence-timeline[data-ready="true"]');
    await timeline.waitFor();
    const all = await invoke<EventsResult>(page, 'evidence.events', {});
    // A day is a point, a month a range; every event is in the list for the keyboard.
    expect(await page.locator('.evidence-event-list button').count()).toBe(all.events.length);
    await expect.poll(() => page.locator('.vis-item.vis-point.precision-day').count()).toBeGreaterThan(0);
    expect(await page.locator('.vis-item.vis-point.precision-month').count()).toBe(0);
    await screenshot(page, 'evidence-timeline-1280');

    // One paper: only its events, counted as core counts them.
    await page.locator('.evidence-filter-menu[data-filter="Papers"] summary').click();
    await page.locator(`.evidence-filter-menu[data-filter="Papers"] label[data-value="${TRUST}"] input`).check();
    await page.keyboard.press('Escape');
    const trust = await invoke<EventsResult>(page, 'evidence.events', { docIds: [TRUST] });
    await expect.poll(() => page.locator('.evidence-event-list button').count()).toBe(trust.events.length);

    // A correction made elsewhere (core called directly, as the CLI would) shows without a reload.
    const corrected = trust.events.find((event) => !event.title.includes('Banjska'))!;
    const edit = await app.core.dispatch('evidence.editEvents', { edit: { type: 'retitle', eventId: corrected.id, title: 'Retitled from elsewhere' } });
    expect(edit.ok).toBe(true);
    await page.locator('.evidence-event-list button', { hasText: 'Retitled from elsewhere' }).waitFor();

    // The Banjska attack, from the keyboard: four papers side by side.
    const banjska = page.locator('.evidence-event-list button', { hasText: 'Banjska' }).first();
    await banjska.focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('.evidence-event-detail');
    await expect.poll(() => detail.locator('.evidence-source').count()).toBe(4);
    expect(await detail.locator('.eyebrow').textContent()).toContain('24 September 2023');
    const boxes = await detail.locator('.evidence-source').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
    expect(boxes[1]).toBe(boxes[0]);

    // CSV and a PNG of the timeline go through core and download.
    const csv = await downloaded(page, () => page.getByRole('button', { name: 'CSV' }).click());
    expect(csv.name).toBe('events.csv');
    expect(csv.bytes.toString('utf8').split('\r\n').filter((line) => line.startsWith('event-')).length).toBe(trust.events.reduce((n, e) => n + e.sources.length, 0));
    const png = await downloaded(page, () => page.getByRole('button', { name: 'PNG' }).click());
    expect(png.name).toBe('timeline.png');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    // A quote opens the reader at its passage.
    const link = detail.locator('.evidence-source[data-doc-id="' + TRUST + '"] .evidence-passage-link').first();
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForFunction((h) => window.location.hash === h, href);
    expect(href).toMatch(new RegExp(`^#/reader/${TRUST}\\?passage=`));

    await page.setViewportSize({ width: 900, height: 700 });
    await app.goto('#/evidence/timeline');
    await timeline.waitFor();
    await fitsWidth(page);
    await screenshot(page, 'evidence-timeline-900');
  });

  it('Figures: the groups where papers differ first, KFOR’s 3,800 against 5,200, narrowed, linked and exported', async () => {
    app = await startApp({ viewport: { width: 900, height: 700 } });
    const { page } = app;
    await app.goto('#/evidence/figures');
    await page.locator('.evidence-figure-group').first().waitFor();
    const groups = await invoke<FigureGroup[]>(page, 'evidence.figures', {});
    expect(await page.locator('.evidence-figure-group').count()).toBe(groups.length);
    const differ = await page.locator('.evidence-figure-group').evaluateAll((els) => els.map((el) => el.getAttribute('data-differ')));
    expect(differ.indexOf('false')).toBe(groups.filter((g) => g.differ).length);
    const kfor = page.locator('.evidence-figure-group[data-subject="KFOR · troops"]');
    expect(await kfor.locator('.evidence-figure-label').allTextContents()).toEqual(expect.arrayContaining(['nearly 3,800 KFOR troops', 'about 5,200 troops']));
    expect(await kfor.locator('.evidence-differ').count()).toBe(1);
    await fitsWidth(page);
    await screenshot(page, 'evidence-figures-900');

    await page.getByLabel('Only where the papers differ').check();
    await expect.poll(() => page.locator('.evidence-figure-group').count()).toBe(groups.filter((g) => g.differ).length);
    const svg = await downloaded(page, () => page.getByRole('button', { name: 'SVG' }).click());
    expect(svg.name).toBe('figures.svg');
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg[\s\S]*nearly 3,800 KFOR troops[\s\S]*<\/svg>$/);
    await wellFormedSvg(svg.bytes);

    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'evidence-figures-1280');
    const open = kfor.locator('tr', { hasText: '3,800' }).getByRole('link', { name: /Open/ });
    const href = await open.getAttribute('href');
    await open.click();
    await page.waitForFunction((h) => window.location.hash === h, href);
    await page.locator('.reader-view').first().waitFor();
  });

  it('Network: sized by mentions, filtered by type and weight; a node opens its entity, an edge its passages', async () => {
    app = await startApp();
    const { page } = app;
    await app.goto('#/evidence/network');
    const canvas = page.locator('.evidence-network[data-ready="true"]');
    await canvas.waitFor();
    const network = await invoke<EntityNetwork>(page, 'evidence.network', { minWeight: 3 });
    await expect.poll(() => page.locator('.evidence-count').textContent()).toBe(`${network.nodes.length} entities, ${network.edges.length} links`);
    const sizes = await canvas.evaluate((el) => {
      const cy = (el as unknown as { cytoscape: { $: (s: string) => { width(): number } } }).cytoscape;
      return { kosovo: cy.$('#kosovo').width(), kfor: cy.$('#kfor').width() };
    });
    expect(sizes.kosovo).toBeGreaterThan(sizes.kfor);
    await screenshot(page, 'evidence-network-1280');

    // An edge from the list (the keyboard's way in): its passages, each a link to the reader.
    const strongest = network.edges[0]!;
    await page.locator('.evidence-edge-list button').first().click();
    const passages = page.locator('.evidence-edge-passages');
    await expect.poll(() => passages.locator('li').count()).toBe(Math.min(8, strongest.weight));
    expect(await passages.locator('.muted').textContent()).toContain(`${strongest.weight} passages`);

    // People and organisations only, at least 4 shared passages.
    await page.locator('.evidence-chips[aria-label="Types"] [data-value="person"]').click();
    await page.locator('.evidence-chips[aria-label="Types"] [data-value="organisation"]').click();
    await page.getByRole('spinbutton').fill('4');
    const narrowed = await invoke<EntityNetwork>(page, 'evidence.network', { types: ['person', 'organisation'], minWeight: 4 });
    await expect.poll(() => page.locator('.evidence-count').textContent()).toBe(`${narrowed.nodes.length} entities, ${narrowed.edges.length} links`);
    await page.locator('.evidence-network[data-ready="true"]').waitFor();

    const png = await downloaded(page, () => page.getByRole('button', { name: 'PNG' }).click());
    expect(png.name).toBe('entity-network.png');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const svg = await downloaded(page, () => page.getByRole('button', { name: 'SVG' }).click());
    expect(svg.name).toBe('entity-network.svg');
    await wellFormedSvg(svg.bytes);
    expect((svg.bytes.toString('utf8').match(/<circle /g) ?? []).length).toBe(narrowed.nodes.length);
    expect((svg.bytes.toString('utf8').match(/<line /g) ?? []).length).toBe(narrowed.edges.length);

    // A click on the KFOR node opens its entity page.
    const at = await page.locator('.evidence-network').evaluate((el) => {
      const cy = (el as unknown as { cytoscape: { $: (s: string) => { renderedPosition(): { x: number; y: number } } } }).cytoscape;
      const box = el.getBoundingClientRect();
      const p = cy.$('#kfor').renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => window.location.hash === '#/entities/kfor');
    await page.locator('.entity-detail[data-entity-id="kfor"]').waitFor();

    await page.setViewportSize({ width: 900, height: 700 });
    await app.goto('#/evidence/network');
    await page.locator('.evidence-network[data-ready="true"]').waitFor();
    await fitsWidth(page);
    await screenshot(page, 'evidence-network-900');
  });

  it('Corrections: a date to the month drawn as a span, a bad date refused in place, a split and a merge back, an event from an annotation, undone; each a record', async () => {
    app = await startApp();
    const { page, core } = app;
    const BANJSKA = 'event-2023-09-24-banjska-attack';
    const eventOf = async (id: string) => (await invoke<EventsResult>(page, 'evidence.events', {})).events.find((event) => event.id === id);
    const edits = () => invoke<EventEditView[]>(page, 'evidence.eventEdits', {});
    await app.goto('#/evidence/timeline');
    await page.locator('.evidence-timeline[data-ready="true"]').waitFor();
    const before = (await eventOf(BANJSKA))!;
    expect(before.sources.length).toBe(4);
    const passagesBefore = before.sources.flatMap((source) => source.passageIds).sort();
    await page.locator(`.evidence-event-list button[data-event-id="${BANJSKA}"]`).click();
    const detail = page.locator(`.evidence-event-detail[data-event-id="${BANJSKA}"]`);
    await detail.waitFor();
    await expect.poll(() => page.locator('.vis-item.vis-point', { hasText: before.title }).count()).toBeGreaterThan(0);

    // A bad date: the error is shown in the dialog, and nothing is written.
    await detail.getByRole('button', { name: 'Correct date…' }).click();
    const dateDialog = page.getByRole('dialog', { name: 'Correct the date' });
    await dateDialog.getByRole('button', { name: 'Day', exact: true }).click();
    await dateDialog.getByLabel('Month').selectOption('2');
    await dateDialog.getByLabel('Day').fill('30');
    await dateDialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dateDialog.locator('.form-error').textContent()).toContain('February 2023 has no day 30: it has 28 days.');
    await dateDialog.getByRole('button', { name: 'Range', exact: true }).click();
    await dateDialog.getByLabel('From').fill('2023-09');
    await dateDialog.getByLabel('To').fill('2023-08');
    await dateDialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dateDialog.locator('.form-error').textContent()).toContain('ends before it starts.');
    expect(await edits()).toEqual([]);
    expect((await eventOf(BANJSKA))!.date).toBe('2023-09-24');

    // To the month: drawn as a bar over September, marked as corrected, with who and when.
    await dateDialog.getByRole('button', { name: 'Month', exact: true }).click();
    await dateDialog.getByLabel('Month').selectOption('9');
    await dateDialog.getByLabel('Year').fill('2023');
    await screenshot(page, 'evidence-correct-date-1280');
    await dateDialog.getByRole('button', { name: 'Save' }).click();
    await dateDialog.waitFor({ state: 'detached' });
    await expect.poll(() => detail.locator('.eyebrow').textContent()).toContain('September 2023');
    expect(await detail.locator('.eyebrow').textContent()).toContain('dated to the month');
    await expect.poll(() => page.locator('.vis-item.vis-range.precision-month.edited', { hasText: before.title }).count()).toBe(4);
    expect(await page.locator('.vis-item.vis-point', { hasText: before.title }).count()).toBe(0);
    await page.locator('.evidence-zoom').getByRole('button', { name: 'Months' }).click();
    await page.locator(`.evidence-event-list button[data-event-id="${BANJSKA}"]`).click();
    await page.locator(`.evidence-event-list button[data-event-id="${BANJSKA}"]`).click();
    const bar = await page.locator('.vis-item.vis-range.precision-month', { hasText: before.title }).first().boundingBox();
    expect(bar!.width).toBeGreaterThan(30);
    const redated = detail.locator('.evidence-event-edits li[data-edit-type="redate"]');
    expect(await redated.textContent()).toContain('by Test Researcher');
    const afterRedate = (await eventOf(BANJSKA))!;
    expect([afterRedate.date, afterRedate.precision, afterRedate.edited]).toEqual(['2023-09', 'month', true]);
    await screenshot(page, 'evidence-corrected-1280');
    await detail.locator('.evidence-event-edits').scrollIntoViewIfNeeded();
    await fitsWidth(page);
    await screenshot(page, 'evidence-event-detail-1280');

    // Kind and title: each saved and shown, then taken back (the event's own Undo, then Ctrl+Z).
    await detail.getByLabel('Kind').selectOption('military');
    await detail.getByRole('button', { name: 'Save kind' }).click();
    await expect.poll(() => detail.locator('.eyebrow').textContent()).toContain('Military');
    await detail.locator('.evidence-event-edits li[data-edit-type="reclassify"]').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => detail.locator('.eyebrow').textContent()).not.toContain('Military');
    await detail.getByRole('button', { name: 'Retitle…' }).click();
    const titleDialog = page.getByRole('dialog', { name: 'Retitle the event' });
    await titleDialog.getByLabel('Title').fill('Banjska attack on the police');
    await titleDialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => detail.locator('h2').textContent()).toBe('Banjska attack on the police');
    await page.locator(`.evidence-event-list button[data-event-id="${BANJSKA}"]`).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => detail.locator('h2').textContent()).toBe(before.title);
    expect((await edits()).map((edit) => edit.edit.type)).toEqual(['redate']);

    // Split: the papers ticked become an event of their own.
    const moved = before.sources.slice(0, 2);
    await detail.getByRole('button', { name: 'Split…' }).click();
    const splitDialog = page.getByRole('dialog', { name: 'Split the event' });
    for (const source of moved) await splitDialog.locator(`.event-split-source[data-doc-id="${source.docId}"] legend input`).check();
    await splitDialog.getByRole('button', { name: 'Split', exact: true }).click();
    await expect.poll(() => splitDialog.locator('.form-error').textContent()).toContain('title');
    await splitDialog.getByLabel('Title of the new event').fill('Banjska attack aftermath');
    await fitsWidth(page);
    await screenshot(page, 'evidence-split-1280');
    await splitDialog.getByRole('button', { name: 'Split', exact: true }).click();
    await splitDialog.waitFor({ state: 'detached' });
    const split = (await edits()).find((edit) => edit.edit.type === 'split')!;
    const newId = split.edit.type === 'split' ? split.edit.newEventId : '';
    await page.locator(`.evidence-event-detail[data-event-id="${newId}"]`).waitFor();
    const [original, splitOff] = [(await eventOf(BANJSKA))!, (await eventOf(newId))!];
    expect(splitOff.sources.map((source) => source.docId).sort()).toEqual(moved.map((source) => source.docId).sort());
    expect(original.sources.map((source) => source.docId).sort()).toEqual(before.sources.slice(2).map((source) => source.docId).sort());
    expect(splitOff.title).toBe('Banjska attack aftermath');
    await page.locator(`.evidence-event-list button[data-event-id="${newId}"]`).waitFor();

    // Merge back, from the original: the picker finds the other by the start of its title; Enter takes the highlighted one.
    await page.locator(`.evidence-event-list button[data-event-id="${BANJSKA}"]`).click();
    await detail.getByRole('button', { name: 'Merge with…' }).click();
    const mergeDialog = page.getByRole('dialog', { name: 'Merge with another event' });
    const picker = mergeDialog.getByRole('combobox', { name: 'Event to merge with' });
    await picker.fill('Banjska attack aft');
    expect(await mergeDialog.locator('[role="option"][aria-selected="true"]').textContent()).toContain('Banjska attack aftermath');
    await screenshot(page, 'evidence-merge-1280');
    await picker.press('Enter');
    await mergeDialog.locator(`.event-merge-picked[data-event-id="${newId}"]`).waitFor();
    await mergeDialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await mergeDialog.waitFor({ state: 'detached' });
    await page.locator(`.evidence-event-list button[data-event-id="${newId}"]`).waitFor({ state: 'detached' });
    const merged = (await eventOf(BANJSKA))!;
    expect(merged.sources.flatMap((source) => source.passageIds).sort()).toEqual(passagesBefore);
    expect(await eventOf(newId)).toBeUndefined();
    const mergeEdit = (await edits()).find((edit) => edit.edit.type === 'merge')!;

    // Ctrl+Z takes the merge back (outside a text field): the split-off event is there again.
    await page.locator(`.evidence-event-list button[data-event-id="${BANJSKA}"]`).focus();
    await page.keyboard.press('Control+z');
    await page.locator(`.evidence-event-list button[data-event-id="${newId}"]`).waitFor();
    await expect.poll(() => page.locator('.evidence-edit-status').textContent()).toContain('Undone');
    expect((await edits()).map((edit) => edit.edit.type)).toEqual(['redate', 'split']);
    // Shift+Ctrl+Z redoes it (core's undo stack, as for every edit), Ctrl+Z takes it back again.
    await page.keyboard.press('Control+Shift+z');
    await page.locator(`.evidence-event-list button[data-event-id="${newId}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.evidence-edit-status').textContent()).toContain('Redone');
    expect((await edits()).map((edit) => edit.edit.type)).toEqual(['redate', 'split', 'merge']);
    await page.keyboard.press('Control+z');
    await page.locator(`.evidence-event-list button[data-event-id="${newId}"]`).waitFor();
    expect((await edits()).map((edit) => edit.edit.type)).toEqual(['redate', 'split']);
    expect((await eventOf(BANJSKA))!.sources.length).toBe(2);

    // The history lists both, by whom; its Undo takes the split back too.
    await page.getByRole('button', { name: /^Corrections/ }).click();
    const history = page.getByRole('dialog', { name: 'Corrections of the events' });
    expect(await history.locator('li').count()).toBe(2);
    expect(await history.locator('li').first().textContent()).toContain('by Test Researcher');
    await screenshot(page, 'evidence-history-1280');
    await history.locator('li[data-edit-type="split"]').getByRole('button', { name: 'Undo' }).click();
    await page.locator(`.evidence-event-list button[data-event-id="${newId}"]`).waitFor({ state: 'detached' });
    expect((await eventOf(BANJSKA))!.sources.length).toBe(4);
    expect((await edits()).map((edit) => edit.edit.type)).toEqual(['redate']);

    // An event of one's own, from an annotation in the Annotations view.
    const corpus: Corpus = core.corpus.corpus;
    const quote = "Kosovo's first high-level cross-party parliamentary delegation visited Taiwan in March 2023.";
    const passage = corpus.passages.find((candidate) => candidate.text.includes(quote))!;
    const annotation = await core.dispatch('annotations.create', { passageId: passage.id, quote });
    if (!annotation.ok) throw new Error(annotation.error.message);
    const annotationId = (annotation.value as { id: string }).id;
    await page.setViewportSize({ width: 900, height: 700 });
    await app.goto('#/annotations');
    await page.locator(`.annotation-card[data-annotation-id="${annotationId}"]`).getByRole('button', { name: 'Add as event' }).waitFor();
    // From the keyboard: the list is one Tab stop, T makes an event of the annotation.
    await page.locator(`.annotations-view-list > li[data-item="${annotationId}"]`).focus();
    await page.keyboard.press('t');
    const addDialog = page.getByRole('dialog', { name: 'Add as event' });
    expect(await addDialog.getByLabel('Title').inputValue()).toBe(quote.slice(0, -1));
    // Core reads the quote's date ("in March 2023") for the form to start from.
    await expect.poll(() => addDialog.getByRole('button', { name: 'Month', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await addDialog.getByLabel('Month').inputValue()).toBe('3');
    expect(await addDialog.getByLabel('Year').inputValue()).toBe('2023');
    await addDialog.getByLabel('Title').fill('Parliamentary delegation visits Taiwan');
    await addDialog.getByLabel('Kind').selectOption('diplomatic');
    await fitsWidth(page);
    await screenshot(page, 'evidence-add-event-900');
    await addDialog.getByRole('button', { name: 'Add to the timeline' }).click();
    await addDialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'See the new event on the timeline' }).click();
    const added = (await edits()).find((edit) => edit.edit.type === 'add')!;
    const addedId = added.edit.type === 'add' ? added.edit.event.id : '';
    await page.locator(`.evidence-event-detail[data-event-id="${addedId}"]`).waitFor();
    await page.locator(`.evidence-event-list button[data-event-id="${addedId}"][aria-pressed="true"]`).waitFor();
    // Opened on it: its row is scrolled to within the list, and its bar is on the timeline, selected.
    await expect
      .poll(() =>
        page.locator(`.evidence-event-list button[data-event-id="${addedId}"]`).evaluate((row) => {
          const box = row.closest('ol')!.getBoundingClientRect();
          const own = row.getBoundingClientRect();
          return own.top >= box.top && own.bottom <= box.bottom;
        }),
      )
      .toBe(true);
    await page.locator('.vis-item.vis-selected', { hasText: 'Parliamentary delegation visits Taiwan' }).first().waitFor();
    await expect.poll(() => page.locator('.vis-item.vis-range.precision-month', { hasText: 'Parliamentary delegation visits Taiwan' }).count()).toBeGreaterThan(0);
    const own = (await eventOf(addedId))!;
    expect([own.date, own.kind, own.edited, own.sources.map((source) => source.docId)]).toEqual(['2023-03', 'diplomatic', true, [passage.docId]]);
    expect(own.entityIds).toContain('taiwan');
    await fitsWidth(page);
    await screenshot(page, 'evidence-corrected-900');
    const ownDetail = page.locator(`.evidence-event-detail[data-event-id="${addedId}"]`);
    await ownDetail.scrollIntoViewIfNeeded();
    expect(await ownDetail.locator('.evidence-event-edits li[data-edit-type="add"]').textContent()).toContain('added from an annotation');
    await fitsWidth(page);
    await screenshot(page, 'evidence-event-detail-900');
    await ownDetail.getByRole('button', { name: 'Correct date…' }).click();
    const narrowDialog = page.getByRole('dialog', { name: 'Correct the date' });
    await narrowDialog.getByRole('button', { name: 'Range', exact: true }).click();
    await fitsWidth(page);
    await screenshot(page, 'evidence-correct-date-900');
    // A part of a year, as the papers say "late 2023": core reads it and the form says how before saving.
    await narrowDialog.getByRole('button', { name: 'Part of year', exact: true }).click();
    expect(await narrowDialog.getByLabel('Year').inputValue()).toBe('2023');
    await narrowDialog.getByLabel('Part').selectOption('late');
    await expect.poll(() => narrowDialog.locator('.event-date-reading').textContent()).toBe('Reads as late 2023.');
    await fitsWidth(page);
    await screenshot(page, 'evidence-part-of-year-900');
    await narrowDialog.getByRole('button', { name: 'Save' }).click();
    await narrowDialog.waitFor({ state: 'detached' });
    await expect.poll(() => ownDetail.locator('.eyebrow').textContent()).toContain('late 2023');
    expect(await ownDetail.locator('.eyebrow').textContent()).toContain('dated to the part of a year');
    const records = core.workspace.records(eventEditsCollection);
    const ownDates = () => records.all().filter((record) => record.edit.type === 'redate' && record.edit.eventId === addedId).map((record) => (record.edit.type === 'redate' ? record.edit.date : ''));
    expect(ownDates()).toEqual(['2023-39']);
    expect((await eventOf(addedId))!.date).toBe('2023-39');
    // Undo and redo of the date, from the keyboard: each state is the store's.
    await page.locator(`.evidence-event-list button[data-event-id="${addedId}"]`).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => ownDetail.locator('.eyebrow').textContent()).toContain('March 2023');
    expect(ownDates()).toEqual([]);
    expect((await eventOf(addedId))!.date).toBe('2023-03');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => ownDetail.locator('.eyebrow').textContent()).toContain('late 2023');
    expect(ownDates()).toEqual(['2023-39']);

    // Each correction is a record of the workspace's store, with its author; undone ones are gone.
    expect(records.all().map((record) => record.edit.type).sort()).toEqual(['add', 'redate', 'redate']);
    for (const record of records.all()) expect(records.entry(record.id)).toMatchObject({ author: 'test-researcher' });
    for (const undone of [split.id, mergeEdit.id]) expect(records.entry(undone)).toMatchObject({ deleted: true, author: 'test-researcher' });

    // The reader's annotation cards offer the same.
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.goto(`#/reader/${passage.docId}?passage=${passage.id}`);
    const readerCard = page.locator(`.annotations-sidebar .annotation-card[data-annotation-id="${annotationId}"]`);
    await readerCard.getByRole('button', { name: 'Add as event' }).click();
    const readerDialog = page.getByRole('dialog', { name: 'Add as event' });
    await readerDialog.getByLabel('Title').fill('Taiwan visit, from the reader');
    await readerDialog.getByRole('button', { name: 'Year', exact: true }).click();
    await readerDialog.getByRole('button', { name: 'Add to the timeline' }).click();
    await readerDialog.waitFor({ state: 'detached' });
    await readerCard.getByRole('link', { name: 'Event added: see it on the timeline' }).click();
    await page.locator('.evidence-event-detail h2', { hasText: 'Taiwan visit, from the reader' }).waitFor();
    expect(records.all().length).toBe(4);

    // Removing: one's own event is deleted (Ctrl+Z brings it back); an extracted one is hidden, listed, shown again.
    const readerEvent = page.locator('.evidence-event-detail', { has: page.locator('h2', { hasText: 'Taiwan visit, from the reader' }) });
    const readerEventId = (await readerEvent.getAttribute('data-event-id'))!;
    await readerEvent.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.locator(`.evidence-event-list button[data-event-id="${readerEventId}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.evidence-edit-status').textContent()).toContain('which you had added');
    expect(records.all().length).toBe(3);
    await page.locator('.evidence-event-list button').first().focus();
    await page.keyboard.press('Control+z');
    await page.locator(`.evidence-event-list button[data-event-id="${readerEventId}"]`).waitFor();
    expect(records.all().length).toBe(4);

    await page.locator(`.evidence-event-list button[data-event-id="${BANJSKA}"]`).click();
    await detail.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.locator(`.evidence-event-list button[data-event-id="${BANJSKA}"]`).waitFor({ state: 'detached' });
    expect(await eventOf(BANJSKA)).toBeUndefined();
    await page.getByRole('button', { name: /^Hidden/ }).click();
    const hidden = page.getByRole('dialog', { name: 'Hidden events' });
    const hiddenRow = hidden.locator(`li[data-event-id="${BANJSKA}"]`);
    expect(await hiddenRow.textContent()).toContain(before.title);
    expect(await hiddenRow.textContent()).toContain('hidden by Test Researcher');
    await fitsWidth(page);
    await screenshot(page, 'evidence-hidden-1280');
    await hiddenRow.getByRole('button', { name: 'Show again' }).click();
    await page.locator(`.evidence-event-list button[data-event-id="${BANJSKA}"]`).waitFor();
    expect((await eventOf(BANJSKA))!.sources.length).toBe(4);
    expect(records.all().some((record) => record.edit.type === 'remove')).toBe(false);
  });
});
