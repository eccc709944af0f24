import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { interviewVtt, type SpokenInterview, useSpokenInterview } from '../helpers/spoken-interview';
import { appPerTest, callCore } from './app-checks';
import { screenshot } from './screenshots';
import { selectText } from './selection';

const apps = appPerTest();
let spoken: SpokenInterview;
let files: string;

useSpokenInterview('e2e-interview', async (made) => {
  ({ spoken, files } = made);
  // Named alike, so that the Library pairs them into one import.
  await fs.writeFile(path.join(files, 'interview.vtt'), interviewVtt(spoken.turns));
});

/** The media element's own state: what is playing is read from it, never inferred from timers. */
function mediaState(page: Page) {
  return page.locator('.media-player .media-element').evaluate((element) => {
    const media = element as HTMLMediaElement;
    return { time: media.currentTime, paused: media.paused, rate: media.playbackRate, ready: media.readyState };
  });
}

/** Every button and control of the player lies wholly inside the window. */
async function playerFits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const outside: string[] = [];
    for (const control of document.querySelectorAll<HTMLElement>('.media-player button, .media-player input, .media-player select')) {
      const box = control.getBoundingClientRect();
      if (box.left < 0 || box.top < 0 || box.right > window.innerWidth || box.bottom > window.innerHeight || box.width === 0) outside.push(control.getAttribute('aria-label') ?? control.className);
    }
    return outside;
  });
}

describe('a recording with its transcript in the reader', () => {
  it('imports a recording and its transcript dropped together, codes a quote, and plays it from its card from the quote’s start', async () => {
    const app = await apps.start({ viewport: { width: 1280, height: 800 } });
    const { page } = app;
    await app.goto('#/library');
    // The browser's file input gets both files at once, as a drop would: one import.
    await page.locator('input.import-file-input').setInputFiles([spoken.ogg, path.join(files, 'interview.vtt')]);
    const job = page.locator('.import-job', { hasText: 'interview.ogg + interview.vtt' });
    await job.getByText(/Imported: a recording of 00:0\d, 4 timed passages/).waitFor();
    await screenshot(page, 'recording-library-import-1280x800');
    const [recording] = (await callCore(app, 'corpus.documents', {})).filter((d) => d.media);
    expect(recording).toBeDefined();
    const passages = await callCore(app, 'corpus.passages', { docId: recording!.id });

    await job.getByRole('link', { name: 'Open' }).click();
    await page.locator('.media-player').waitFor();
    await expect.poll(async () => (await mediaState(page)).ready).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.passage-time').count()).toBe(spoken.turns.length);
    expect(await playerFits(page)).toEqual([]);

    // Code part of the answer: its span is narrower than the passage's.
    const answer = passages[1]!;
    const quote = 'The bridge still divides us.';
    await selectText(page, `[data-passage-id="${answer.id}"]`, quote);
    const popup = page.getByRole('dialog', { name: 'New annotation' });
    await popup.waitFor();
    await popup.getByRole('button', { name: 'Save annotation' }).click();
    await popup.waitFor({ state: 'detached' });
    const [annotation] = await callCore(app, 'annotations.list', {});
    const span = annotation!.timeSpan!;
    expect(span.start).toBeGreaterThan(answer.start!);
    expect(span.end).toBeCloseTo(answer.end!, 3);

    const card = page.locator(`.annotation-card[data-annotation-id="${annotation!.id}"]`);
    await card.waitFor();
    await screenshot(page, 'recording-reader-1280x800');
    await card.locator('.annotation-card-play').click();
    // Playing, from the quote's start (not from 0, not from the passage's start)…
    await page.waitForFunction(
      ({ start, end }) => {
        const media = document.querySelector<HTMLMediaElement>('.media-player .media-element')!;
        return !media.paused && media.currentTime >= start - 0.01 && media.currentTime < end;
      },
      span,
      { timeout: 10_000 },
    );
    // …with the passage marked as the one being said…
    await page.locator(`.passage.is-playing[data-passage-id="${answer.id}"]`).waitFor();
    // …and stopping at the quote's end.
    await page.waitForFunction(() => document.querySelector<HTMLMediaElement>('.media-player .media-element')!.paused, undefined, { timeout: 10_000 });
    const stopped = await mediaState(page);
    expect(stopped.time).toBeGreaterThanOrEqual(span.end - 0.05);
    expect(stopped.time).toBeLessThan(spoken.duration);
  });

  it('seeks to a passage from its time, plays and pauses with Ctrl+Space, skips and slows down from the keyboard', async () => {
    const app = await apps.start({ viewport: { width: 900, height: 700 } });
    const { page } = app;
    const transcript = path.join(files, 'interview.vtt');
    const imported = await callCore(app, 'import.file', { path: spoken.wav, transcript });
    const passages = await callCore(app, 'corpus.passages', { docId: imported.documentId });
    await app.goto('#/library');
    const card = page.locator('.document-card', { hasText: 'interview' });
    await card.scrollIntoViewIfNeeded();
    expect(await card.locator('.document-meta').innerText()).toMatch(/Recording\s+00:0\d/i);
    await screenshot(page, 'recording-library-900x700');
    await app.goto(`#/reader/${imported.documentId}`);
    await page.locator('.media-player').waitFor();
    await expect.poll(async () => (await mediaState(page)).ready).toBeGreaterThanOrEqual(1);
    expect(await playerFits(page)).toEqual([]);
    await screenshot(page, 'recording-reader-900x700');
    await page.getByRole('button', { name: 'Info' }).click();
    const info = page.getByRole('complementary', { name: 'Document info' });
    await expect.poll(() => info.innerText()).toMatch(/Recording\s+00:0\d, audio \(PCM, WAVE\)/);
    await screenshot(page, 'recording-info-900x700');
    await page.getByRole('button', { name: 'Close document info' }).click();

    const third = passages[2]!;
    await page.locator(`[data-passage-id="${third.id}"] .passage-time`).click();
    await page.waitForFunction((start) => {
      const media = document.querySelector<HTMLMediaElement>('.media-player .media-element')!;
      return !media.paused && media.currentTime >= start - 0.01;
    }, third.start!);
    await page.locator(`.passage.is-playing[data-passage-id="${third.id}"]`).waitFor();

    await page.keyboard.press('Control+Space');
    await expect.poll(async () => (await mediaState(page)).paused).toBe(true);
    const before = (await mediaState(page)).time;
    await page.keyboard.press('Control+ArrowLeft');
    await expect.poll(async () => (await mediaState(page)).time).toBeCloseTo(Math.max(0, before - 5), 1);
    await page.keyboard.press('Shift+Comma');
    await expect.poll(async () => (await mediaState(page)).rate).toBe(0.75);
    // The select follows the element's ratechange event, one render after the rate itself changes.
    await expect.poll(() => page.getByRole('combobox', { name: 'Playback speed' }).inputValue()).toBe('0.75');
    await page.keyboard.press('Control+Space');
    await expect.poll(async () => (await mediaState(page)).paused).toBe(false);
  });

  it('offers “Add transcript file…” for a recording imported alone, and shows the transcript once added', async () => {
    const app = await apps.start({ viewport: { width: 1280, height: 800 } });
    const { page } = app;
    const imported = await callCore(app, 'import.file', { path: spoken.ogg });
    await app.goto(`#/reader/${imported.documentId}`);
    await page.getByRole('heading', { name: 'No transcript yet' }).waitFor();
    await screenshot(page, 'recording-no-transcript-1280x800');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add transcript file…' }).click();
    await (await chooser).setFiles(path.join(files, 'interview.vtt'));
    // The transcript is read on a worker thread; on a busy machine that takes seconds.
    await expect.poll(() => page.locator('.passage-time').count(), { timeout: 30_000 }).toBe(spoken.turns.length);
  });

  it('plays a coded quote from the Topics view’s quote list, in the reader, from the quote’s start', async () => {
    const app = await apps.start({ viewport: { width: 1280, height: 800 } });
    const { page } = app;
    const imported = await callCore(app, 'import.file', { path: spoken.ogg, transcript: path.join(files, 'interview.vtt') });
    const passages = await callCore(app, 'corpus.passages', { docId: imported.documentId });
    const topic = await callCore(app, 'topics.create', { name: 'Trust in police' });
    const quote = 'but not in the north.';
    const annotation = await callCore(app, 'annotations.create', { passageId: passages[3]!.id, quote, offsetInPassage: passages[3]!.text.indexOf(quote), topicIds: [topic.id] });
    const span = annotation.timeSpan!;
    await app.goto(`#/topics/${topic.id}`);
    const play = page.locator(`.topic-quote[data-annotation-id="${annotation.id}"] .topic-quote-play`);
    await play.waitFor();
    await screenshot(page, 'recording-topic-quotes-1280x800');
    await play.click();
    await page.locator('.media-player').waitFor();
    await page.waitForFunction(
      ({ start, end }) => {
        const media = document.querySelector<HTMLMediaElement>('.media-player .media-element');
        return !!media && !media.paused && media.currentTime >= start - 0.01 && media.currentTime < end;
      },
      span,
      { timeout: 15_000 },
    );
  });
});
