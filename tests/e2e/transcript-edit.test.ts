import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { interviewVtt, type SpokenInterview, useSpokenInterview } from '../helpers/spoken-interview';
import { appPerTest, callCore, viewports as sizes } from './app-checks';
import { MARGIN_PLACEMENT_COLUMN, passageActionsPlacement } from './passage-actions';
import { screenshot } from './screenshots';

const apps = appPerTest();
let spoken: SpokenInterview;
let files: string;

useSpokenInterview('e2e-transcript-edit', async (made) => {
  ({ spoken, files } = made);
  await fs.writeFile(path.join(files, 'interview.vtt'), interviewVtt(spoken.turns));
});

/** Controls of the form that lie partly outside the window (none should). */
function offScreen(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((within) => {
    const outside: string[] = [];
    for (const control of document.querySelectorAll<HTMLElement>(`${within} button, ${within} input, ${within} textarea`)) {
      if (control.hidden) continue;
      const box = control.getBoundingClientRect();
      if (box.left < 0 || box.top < 0 || box.right > window.innerWidth || box.bottom > window.innerHeight || box.width === 0) outside.push(control.getAttribute('aria-label') ?? control.textContent ?? control.tagName);
    }
    return outside;
  }, selector);
}

/** The words the reader marks for an annotation, as shown. */
function highlighted(page: Page, annotationId: string): Promise<string> {
  return page.locator(`.annotation-highlight[data-annotation-id="${annotationId}"]`).evaluateAll((pieces) => pieces.map((piece) => piece.textContent).join(''));
}

describe('correcting and writing a transcript in the reader', () => {
  it.each(sizes)('corrects a passage with an annotation on it: time and speaker stay, the highlight stays on the same words, undo puts it back (%o)', async (viewport) => {
    const app = await apps.start({ viewport });
    const { page } = app;
    const imported = await callCore(app, 'import.file', { path: spoken.ogg, transcript: path.join(files, 'interview.vtt') });
    const docId = imported.documentId;
    const answer = (await callCore(app, 'corpus.passages', { docId }))[1]!;
    const quote = 'divides us';
    const annotation = await callCore(app, 'annotations.create', { passageId: answer.id, quote, offsetInPassage: answer.text.indexOf(quote) });

    await app.goto(`#/reader/${docId}`);
    const passage = page.locator(`.passage[data-passage-id="${answer.id}"]`);
    await passage.waitFor();
    expect(await highlighted(page, annotation.id)).toBe(quote);
    const time = await passage.locator('.passage-time').innerText();

    // Edit and Link, in the margin one above the other when the column is wide, else above the passage; never cut off.
    const placement = await passageActionsPlacement(passage);
    expect(placement.where).toBe(placement.columnWidth >= MARGIN_PLACEMENT_COLUMN ? 'margin' : 'above');
    expect([placement.clipped, placement.squeezed, placement.scrollsSideways, placement.windowScrolls]).toEqual([[], [], false, false]);
    await screenshot(page, `transcript-actions-${viewport.width}x${viewport.height}`);
    await passage.getByRole('button', { name: 'Correct this passage' }).click();
    const editor = page.getByRole('form', { name: 'Correct passage' });
    await editor.waitFor();
    // The passage's time and speaker are shown as they are, not editable.
    expect(await editor.locator('.passage-editor-meta').innerText()).toContain(answer.speaker!);
    expect(await editor.locator('.passage-editor-time').innerText()).toContain(time);
    expect(await offScreen(page, '.passage-editor')).toEqual([]);
    await screenshot(page, `transcript-correct-${viewport.width}x${viewport.height}`);

    // Esc leaves the passage as it was.
    await editor.getByRole('textbox', { name: 'Passage text' }).press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(await passage.innerText()).toContain(answer.text);

    await passage.hover();
    await passage.getByRole('button', { name: 'Correct this passage' }).click();
    const corrected = 'Since two thousand and five. The old bridge still divides us.';
    const field = page.getByRole('form', { name: 'Correct passage' }).getByRole('textbox', { name: 'Passage text' });
    await field.fill(corrected);
    await field.press('Control+Enter');
    await page.getByRole('form', { name: 'Correct passage' }).waitFor({ state: 'detached' });
    await expect.poll(() => passage.innerText()).toContain('The old bridge');
    await expect.poll(() => highlighted(page, annotation.id)).toBe(quote);
    expect(await passage.locator('.passage-time').innerText()).toBe(time);
    expect(await passage.locator('.speaker').innerText()).toContain(answer.speaker!);
    await page.getByRole('status').filter({ hasText: 'Passage corrected' }).waitFor();
    await screenshot(page, `transcript-corrected-${viewport.width}x${viewport.height}`);
    const saved = (await callCore(app, 'corpus.passages', { docId }))[1]!;
    expect(saved).toMatchObject({ id: answer.id, text: corrected, start: answer.start, end: answer.end, speaker: answer.speaker });

    // Ctrl+Z, outside any text field, undoes the correction like any coding edit.
    await page.locator('.reader-header h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => passage.innerText()).not.toContain('The old bridge');
    expect(await highlighted(page, annotation.id)).toBe(quote);
  });

  it.each(sizes)('writes a first passage into a recording without a transcript, from the player’s time (%o)', async (viewport) => {
    const app = await apps.start({ viewport });
    const { page } = app;
    const imported = await callCore(app, 'import.file', { path: spoken.ogg });
    const docId = imported.documentId;
    await app.goto(`#/reader/${docId}`);
    await page.getByRole('heading', { name: 'No transcript yet' }).waitFor();
    expect(await offScreen(page, '.add-transcript')).toEqual([]);
    await screenshot(page, `transcript-empty-${viewport.width}x${viewport.height}`);
    await page.getByRole('button', { name: 'Write a passage' }).click();

    const writer = page.getByRole('form', { name: 'Write a passage' });
    await writer.waitFor();
    // The player is at the start: the passage starts there.
    expect(Number(await writer.getByLabel('Start (s)').inputValue())).toBe(0);
    const [first] = spoken.turns;
    await writer.getByLabel('End (s)').fill(String(Math.floor(first!.end * 10) / 10));
    await writer.getByLabel('Speaker').fill(first!.speaker);
    await writer.getByRole('textbox', { name: 'What is said' }).fill(first!.text);
    expect(await offScreen(page, '.passage-writer')).toEqual([]);
    await screenshot(page, `transcript-write-${viewport.width}x${viewport.height}`);
    await writer.getByRole('button', { name: 'Add passage' }).click();

    await expect.poll(() => page.locator('.passage-time').count()).toBe(1);
    expect(await page.locator('.structured-text .passage').first().innerText()).toContain(first!.text);
    await page.getByRole('status').filter({ hasText: 'Passage added' }).waitFor();
    expect(await offScreen(page, '.transcript-tools')).toEqual([]);
    await screenshot(page, `transcript-written-${viewport.width}x${viewport.height}`);
    const [written] = await callCore(app, 'corpus.passages', { docId });
    expect(written).toMatchObject({ text: first!.text, speaker: first!.speaker, start: 0 });
    const found = await callCore(app, 'search.query', { query: 'Mitrovica', limit: 50 });
    expect(found.results.some((result) => result.docId === docId)).toBe(true);

    // The player still stands inside that passage: the next one is offered where it ends, not on top of it.
    const firstEnd = Math.floor(first!.end * 10) / 10;
    await page.getByRole('button', { name: /^Write a passage at / }).click();
    expect(Number(await writer.getByLabel('Start (s)').inputValue())).toBe(firstEnd);
    await writer.getByRole('textbox', { name: 'What is said' }).fill(spoken.turns[1]!.text);
    await writer.getByRole('button', { name: 'Add passage' }).click();
    await expect.poll(() => page.locator('.passage-time').count()).toBe(2);
    expect((await callCore(app, 'corpus.passages', { docId }))[1]).toMatchObject({ text: spoken.turns[1]!.text, start: firstEnd });
  });
});
