import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, startApp } from './harness';
import { closeAndCheck, viewports } from './app-checks';
import type { RunningApp } from './harness';
import { screenshot } from './screenshots';
import { MARGIN_PLACEMENT_COLUMN, passageActionsPlacement } from './passage-actions';
import { passageHref, routeHref } from '../../renderer/src/app/routes';
import type { Passage } from '../../electron/core/corpus/schema';

let app: RunningApp | undefined;

afterEach(async () => {
  const current = app;
  app = undefined;
  if (current) await closeAndCheck(current);
});
afterAll(closeBrowser);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const lettersOnly = (text: string) => text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

async function waitForPage(page: Page, pageNumber: number): Promise<void> {
  await page.locator(`.pdf-page[data-page="${pageNumber}"][data-rendered="true"]`).waitFor({ timeout: 30_000 });
}

/** How many pixels of a page's canvas are not (near) white: a blank page has none. */
function inkedPixels(page: Page, pageNumber: number): Promise<number> {
  return page.evaluate((n) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`.pdf-page[data-page="${n}"] canvas`);
    if (!canvas || canvas.width === 0) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) inked++;
    return inked;
  }, pageNumber);
}

/** The text layer's spans joined the way a reader would read them. */
function textLayerText(page: Page, pageNumber: number): Promise<string> {
  return page.evaluate(
    (n) => [...document.querySelectorAll(`.pdf-page[data-page="${n}"] .textLayer > span`)].map((span) => span.textContent ?? '').join(' '),
    pageNumber,
  );
}

/** Resolves once a pane has stopped scrolling (wheel scrolling is animated over several frames). */
function settled(page: Page, paneSelector: string): Promise<void> {
  return page.evaluate(
    (selector) =>
      new Promise<void>((done) => {
        const pane = document.querySelector(selector)!;
        let last = -1;
        let still = 0;
        const check = () => {
          still = pane.scrollTop === last ? still + 1 : 0;
          last = pane.scrollTop;
          if (still >= 10) done();
          else requestAnimationFrame(check);
        };
        check();
      }),
    paneSelector,
  );
}

/** Is the element inside its scrolling pane's visible box? */
function inView(page: Page, selector: string, paneSelector: string): Promise<boolean> {
  return page.evaluate(
    ([target, pane]) => {
      const element = document.querySelector(target!);
      const container = document.querySelector(pane!);
      if (!element || !container) return false;
      const a = element.getBoundingClientRect();
      const b = container.getBoundingClientRect();
      return a.bottom > b.top && a.top < b.bottom;
    },
    [selector, paneSelector] as const,
  );
}

describe('the reader in Chromium', () => {
  it('opens every bundled paper: the first page is drawn and its text layer holds the title', async () => {
    app = await startApp();
    const documents = app.core.dispatch('corpus.documents', {});
    const list = await documents;
    expect(list.ok).toBe(true);
    const papers = list.ok ? (list.value as Array<{ id: string; title: string; pdfUrl?: string }>) : [];
    expect(papers.length).toBe(5);
    for (const paper of papers) {
      expect(paper.pdfUrl).toBeTruthy();
      await app.goto(routeHref('reader', [paper.id]));
      const { page } = app;
      await waitForPage(page, 1);
      await expect.poll(() => page.locator('.reader-header h1').textContent()).toBe(paper.title);
      expect(await inkedPixels(page, 1)).toBeGreaterThan(500);
      expect(collapse(await textLayerText(page, 1))).toContain(collapse(paper.title));
      // Far pages stay placeholders of the right size: nothing drawn, but the right shape.
      const pages = await page.locator('.pdf-page').count();
      const drawn = await page.locator('.pdf-page canvas').count();
      expect(drawn).toBeGreaterThan(0);
      if (pages > 8) expect(drawn).toBeLessThan(pages);
      // The structured text is there too, beside it.
      expect(await page.locator('.structured-text [data-passage-id]').count()).toBeGreaterThan(5);
    }
  });

  it('opens a deep link at the passage, highlighted in both views', async () => {
    app = await startApp();
    const docId = 'kcss-foreign-security-priorities-2026';
    const result = await app.core.dispatch('corpus.passages', { docId });
    const passages = (result.ok ? result.value : []) as Passage[];
    // A long paragraph well into the paper, so both views must scroll to reach it.
    const target = passages.find((passage) => passage.kind === 'paragraph' && !passage.backMatter && passage.page >= 12 && passage.text.length > 200 && passage.footnoteRefs.length === 0)!;
    expect(target).toBeDefined();
    await app.goto(passageHref(docId, target.id));
    const { page } = app;

    const inText = `.structured-text [data-passage-id="${target.id}"]`;
    await page.locator(`${inText}.is-highlighted`).waitFor();
    await expect.poll(() => inView(page, inText, '.text-scroller')).toBe(true);

    await waitForPage(page, target.page);
    const marks = page.locator(`.pdf-page[data-page="${target.page}"] mark.passage-mark`);
    await marks.first().waitFor();
    const marked = (await marks.allTextContents()).join('');
    // The marked text in the PDF is the passage (as far as it runs on this page).
    expect(lettersOnly(target.text).startsWith(lettersOnly(marked).slice(0, 60))).toBe(true);
    expect(lettersOnly(marked).length).toBeGreaterThan(60);
    await expect.poll(() => inView(page, `.pdf-page[data-page="${target.page}"] mark.passage-mark`, '.pdf-scroller')).toBe(true);
    // Only the one passage is marked.
    expect(await page.locator('.structured-text .is-highlighted').count()).toBe(1);
  });

  it('clicking a passage in the text brings its page into view in the PDF, and a click in the PDF finds the passage in the text', async () => {
    app = await startApp();
    const docId = 'kcss-kosovo-nato-relations-2024';
    const result = await app.core.dispatch('corpus.passages', { docId });
    const passages = (result.ok ? result.value : []) as Passage[];
    await app.goto(routeHref('reader', [docId]));
    const { page } = app;
    await waitForPage(page, 1);
    const later = passages.find((passage) => passage.kind === 'paragraph' && !passage.backMatter && passage.page >= 6 && passage.text.length > 150)!;
    await page.locator(`[data-passage-id="${later.id}"]`).scrollIntoViewIfNeeded();
    await page.locator(`[data-passage-id="${later.id}"]`).click({ position: { x: 20, y: 8 } });
    await waitForPage(page, later.page);
    await page.locator(`.pdf-page[data-page="${later.page}"] mark.passage-mark`).first().waitFor();
    await expect.poll(() => inView(page, `.pdf-page[data-page="${later.page}"] mark.passage-mark`, '.pdf-scroller')).toBe(true);

    // Now the other way: click a line of another paragraph in the PDF's text layer.
    const other = passages.find((passage) => passage.kind === 'paragraph' && passage.page === later.page && passage.id !== later.id && passage.text.length > 150);
    if (other) {
      const line = page.locator(`.pdf-page[data-page="${other.page}"] .textLayer > span`, { hasText: other.text.slice(0, 30) }).first();
      await line.click();
      await page.locator(`.structured-text [data-passage-id="${other.id}"].is-highlighted`).waitFor();
      await expect.poll(() => inView(page, `.structured-text [data-passage-id="${other.id}"]`, '.text-scroller')).toBe(true);
    }
  });

  it('keeps the two views in step when the reader scrolls either one', async () => {
    app = await startApp();
    const docId = 'kcss-foreign-security-priorities-2026';
    await app.goto(routeHref('reader', [docId]));
    const { page } = app;
    await waitForPage(page, 1);
    const currentPdfPage = async () => Number(await page.getByRole('textbox', { name: 'Page number' }).inputValue());
    const textPages = () =>
      page.evaluate(() => {
        const pane = document.querySelector('.text-scroller')!.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>('.structured-text [data-passage-id]')]
          .filter((element) => {
            const box = element.getBoundingClientRect();
            return box.bottom > pane.top && box.top < pane.bottom;
          })
          .map((element) => Number(element.dataset.page));
      });

    // Scroll the PDF, as a reader would, well into the paper: the text follows.
    await page.locator('.pdf-scroller').hover();
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 1200);
    await settled(page, '.pdf-scroller');
    await settled(page, '.text-scroller');
    const pdfPage = await currentPdfPage();
    expect(pdfPage).toBeGreaterThan(5);
    await expect.poll(async () => (await textPages()).some((p) => Math.abs(p - pdfPage) <= 1)).toBe(true);

    // Scroll the text back towards the start: the PDF follows.
    await page.locator('.text-scroller').hover();
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -1500);
    await settled(page, '.text-scroller');
    await settled(page, '.pdf-scroller');
    await expect
      .poll(async () => {
        const shown = await textPages();
        const current = await currentPdfPage();
        return shown.some((p) => Math.abs(p - current) <= 1);
      })
      .toBe(true);
    expect(await currentPdfPage()).toBeLessThan(pdfPage);
  });

  it('opens a footnote in a popover with its URL, and opens the URL only after asking', async () => {
    app = await startApp();
    const docId = 'kcss-foreign-security-priorities-2026';
    const result = await app.core.dispatch('corpus.footnotes', { docId });
    const footnotes = (result.ok ? result.value : []) as Array<{ number: number; urls: string[] }>;
    const footnote = footnotes.find((item) => item.urls.length > 0)!;
    await app.goto(routeHref('reader', [docId]));
    const { page } = app;
    const marker = page.locator(`.structured-text button[data-footnote="${footnote.number}"]`).first();
    await marker.scrollIntoViewIfNeeded();
    await marker.click();
    const popover = page.locator('.footnote-popover');
    await popover.waitFor();
    const link = popover.locator('a.external-link', { hasText: footnote.urls[0]! });
    expect(await link.count()).toBe(1);
    expect(await popover.textContent()).toContain(footnote.urls[0]);

    // Cancelling opens nothing.
    await link.click();
    const dialog = page.locator('dialog.confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(new URL(footnote.urls[0]!).host);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.hostCalls).toEqual([]);

    // Confirming asks the host (the Electron shell) to open it; the page fetched nothing.
    await marker.click();
    if (!(await popover.isVisible())) await marker.click();
    await popover.locator('a.external-link').first().click();
    await dialog.getByRole('button', { name: 'Open in browser' }).click();
    await expect.poll(() => app!.hostCalls.length).toBe(1);
    expect(app.hostCalls[0]).toEqual({ method: 'app.openExternal', args: { url: footnote.urls[0] } });
  });

  it('marks entity names with a card on hover, and copies a passage link', async () => {
    app = await startApp();
    const docId = 'kcss-advance-kosovo-nato-relations';
    await app.goto(routeHref('reader', [docId]));
    const { page } = app;
    const mention = page.locator('.structured-text .mention').first();
    await mention.waitFor();
    const entityId = (await mention.getAttribute('data-entity'))!;
    const entity = await app.core.dispatch('corpus.entity', { entityId });
    const mentions = await app.core.dispatch('corpus.mentions', { docId });
    expect(entity.ok && mentions.ok).toBe(true);
    const detail = entity.ok ? (entity.value as { name: string; mentionCount: number }) : { name: '', mentionCount: 0 };
    const here = mentions.ok ? (mentions.value as Array<{ entityId: string }>).filter((item) => item.entityId === entityId).length : 0;

    await mention.hover();
    const card = page.locator('.entity-card');
    await card.waitFor();
    expect(await card.locator('.entity-card-name').textContent()).toBe(detail.name);
    expect(await card.locator('.entity-card-counts').textContent()).toBe(`${here} ${here === 1 ? 'mention' : 'mentions'} in this paper · ${detail.mentionCount} in the corpus`);
    expect(await card.locator('a.entity-card-link').getAttribute('href')).toBe(`#/entities/${entityId}`);
    // Keyboard readers get the same card by focusing the name.
    await page.mouse.move(0, 0);
    await card.waitFor({ state: 'detached' });
    await mention.focus();
    await card.waitFor();

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    const passage = page.locator('.structured-text p.passage').nth(1);
    const passageId = (await passage.getAttribute('data-passage-id'))!;
    await passage.hover();
    await passage.getByRole('button', { name: 'Copy link to this passage' }).click();
    await expect.poll(() => passage.getByRole('button', { name: 'Copy link to this passage' }).textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(passageHref(docId, passageId));
  });

  it('finds in the PDF with Ctrl+F: every hit is highlighted and Enter / Shift+Enter move between them', async () => {
    app = await startApp();
    await app.goto(routeHref('reader', ['kcss-advance-kosovo-nato-relations']));
    const { page } = app;
    await waitForPage(page, 1);
    // Find searches the view the reader is in: here the PDF.
    await page.locator('.pdf-scroller').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: 'Find in document' });
    await input.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find in document');
    await input.fill('Centre of Excellence');
    const count = page.locator('.find-count');
    await expect.poll(() => count.textContent()).toMatch(/^1 of \d+$/);
    const total = Number((await count.textContent())!.split(' of ')[1]);
    expect(total).toBeGreaterThan(1);

    // Every drawn hit reads as the query (case and line breaks aside).
    await page.locator('mark.find-hit').first().waitFor();
    const hitTexts = await page.evaluate(() => {
      const byHit: string[] = [];
      let currentText = '';
      let previous: Element | null = null;
      for (const mark of document.querySelectorAll('mark.find-hit')) {
        // Marks of one hit are consecutive spans; a new hit starts with "centre".
        if (previous && /^centre/i.test(mark.textContent ?? '')) {
          byHit.push(currentText);
          currentText = '';
        }
        currentText += `${mark.textContent} `;
        previous = mark;
      }
      if (currentText) byHit.push(currentText);
      return byHit;
    });
    for (const text of hitTexts) expect(collapse(text).toLowerCase()).toBe('centre of excellence');
    expect(await page.locator('mark.find-hit.is-current').count()).toBeGreaterThan(0);

    const firstCurrent = await page.locator('mark.find-hit.is-current').first().evaluate((mark) => mark.getBoundingClientRect().top + (mark.closest('.pdf-page') as HTMLElement).offsetTop);
    await input.press('Enter');
    await expect.poll(() => count.textContent()).toBe(`2 of ${total}`);
    await expect
      .poll(() => page.locator('mark.find-hit.is-current').first().evaluate((mark) => mark.getBoundingClientRect().top + (mark.closest('.pdf-page') as HTMLElement).offsetTop))
      .not.toBe(firstCurrent);
    await expect.poll(() => inView(page, 'mark.find-hit.is-current', '.pdf-scroller')).toBe(true);
    await input.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe(`1 of ${total}`);
    await input.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe(`${total} of ${total}`);
    await expect.poll(() => inView(page, 'mark.find-hit.is-current', '.pdf-scroller')).toBe(true);

    // Escape closes find and clears the marks.
    await input.press('Escape');
    await expect.poll(() => page.locator('mark.find-hit').count()).toBe(0);
  });

  it('moves between passages with j/k and remembers the place when the paper is opened again', async () => {
    app = await startApp();
    const docId = 'kcss-crisis-management-to-stability';
    const result = await app.core.dispatch('corpus.passages', { docId });
    const body = ((result.ok ? result.value : []) as Passage[]).filter((passage) => !passage.backMatter).sort((a, b) => a.order - b.order);
    await app.goto(routeHref('reader', [docId]));
    const { page } = app;
    await waitForPage(page, 1);
    for (let i = 0; i < 6; i++) await page.keyboard.press('j');
    await page.keyboard.press('k');
    const expected = body[4]!;
    await page.locator(`[data-passage-id="${expected.id}"].is-highlighted`).waitFor();
    // The position is saved after a pause; wait for it to land in the workspace.
    await expect
      .poll(async () => {
        const saved = await app!.core.dispatch('settings.readingPosition', { docId });
        return saved.ok ? (saved.value as { passageId?: string } | null)?.passageId : undefined;
      }, { timeout: 10_000 })
      .toBe(expected.id);

    await app.goto(routeHref('library'));
    await app.goto(routeHref('reader', [docId]));
    await page.locator(`[data-passage-id="${expected.id}"]`).waitFor();
    await expect.poll(() => inView(page, `.structured-text [data-passage-id="${expected.id}"]`, '.text-scroller')).toBe(true);
  });

  it('hides and shows either view, and shows the document info with its sources', async () => {
    app = await startApp();
    await app.goto(routeHref('reader', ['kcss-foreign-security-priorities-2026']));
    const { page } = app;
    await waitForPage(page, 1);
    await page.getByRole('button', { name: 'PDF', exact: true }).click();
    expect(await page.locator('.pdf-pane').count()).toBe(0);
    expect(await page.locator('.structured-text').count()).toBe(1);
    await page.getByRole('button', { name: 'PDF', exact: true }).click();
    await page.getByRole('button', { name: 'Text', exact: true }).click();
    expect(await page.locator('.structured-text').count()).toBe(0);
    await waitForPage(page, 1);
    await page.getByRole('button', { name: 'Text', exact: true }).click();

    await page.getByRole('button', { name: 'Info', exact: true }).click();
    const info = page.locator('.document-info');
    await info.waitFor();
    const about = await app.core.dispatch('corpus.document', { docId: 'kcss-foreign-security-priorities-2026' });
    const note = about.ok ? (about.value as { note?: string }).note : undefined;
    expect(note).toMatch(/typeset/i);
    expect(await info.locator('.document-note').textContent()).toBe(note);
    const footnotes = await app.core.dispatch('corpus.footnotes', { docId: 'kcss-foreign-security-priorities-2026' });
    const urls = (footnotes.ok ? (footnotes.value as Array<{ urls: string[] }>) : []).flatMap((footnote) => footnote.urls);
    expect(await info.locator('.source-list a').count()).toBe(urls.length);

    // The outline lists the sections; a click brings that page into view.
    await page.getByRole('button', { name: 'Contents', exact: true }).click();
    const entries = page.locator('.outline-entry');
    await entries.first().waitFor();
    expect(await entries.count()).toBeGreaterThan(3);
    const last = entries.last();
    const wanted = Number(await last.locator('.outline-page').textContent());
    await last.click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Page number' }).inputValue()).toBe(String(wanted));
  });

  it('draws only the pages near the viewport, releasing the others, so memory stays bounded', async () => {
    app = await startApp();
    const { page } = app;
    await app.goto(routeHref('reader', ['kcss-foreign-security-priorities-2026']));
    await waitForPage(page, 1);
    const pageCount = await page.locator('.pdf-page').count();
    expect(pageCount).toBe(32);
    // Every placeholder already has its page's size, drawn or not.
    const heights = await page.locator('.pdf-page').evaluateAll((pages) => pages.map((element) => (element as HTMLElement).offsetHeight));
    expect(Math.min(...heights)).toBeGreaterThan(300);
    const drawnAtTop = await page.locator('.pdf-page canvas').count();
    expect(drawnAtTop).toBeLessThan(8);

    // Go through the whole paper page by page, then check what is held.
    const seen = new Set<number>();
    for (let n = 2; n <= pageCount; n += 3) {
      await page.getByRole('textbox', { name: 'Page number' }).fill(String(n));
      await page.getByRole('textbox', { name: 'Page number' }).press('Enter');
      await waitForPage(page, n);
      seen.add(await page.locator('.pdf-page canvas').count());
    }
    await waitForPage(page, 32);
    expect(Math.max(...seen)).toBeLessThan(10);
    await expect.poll(() => page.locator('.pdf-page[data-page="1"] canvas').count()).toBe(0);
    expect(await inkedPixels(page, 32)).toBeGreaterThan(100);
  });

  it('draws the canvas at the screen’s pixel density, so text stays sharp on HiDPI', async () => {
    app = await startApp();
    const { page } = app;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false });
    await app.goto(routeHref('reader', ['kcss-advance-kosovo-nato-relations']));
    await waitForPage(page, 1);
    const sizes = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.pdf-page[data-page="1"] canvas')!;
      const box = canvas.getBoundingClientRect();
      return { ratio: window.devicePixelRatio, pixels: canvas.width, css: box.width };
    });
    expect(sizes.ratio).toBe(2);
    expect(Math.abs(sizes.pixels - sizes.css * 2)).toBeLessThanOrEqual(2);
    // And the text layer still lies over the drawn text: the title's span is inside the page.
    expect(collapse(await textLayerText(page, 1))).toContain('How to Advance Kosovo-NATO');
  });

  it('puts a passage’s Link button in the right margin when the text column is wide, above the passage when it is not', async () => {
    const seen = new Set<string>();
    for (const viewport of viewports) {
      app = await startApp({ viewport });
      const { page } = app;
      await app.goto(routeHref('reader', ['kcss-advance-kosovo-nato-relations']));
      const passage = page.locator('.structured-text p.passage').nth(3);
      await passage.waitFor();
      for (const layout of ['side by side', 'text only'] as const) {
        if (layout === 'text only') await page.getByRole('button', { name: 'PDF', exact: true }).click();
        await page.locator('.pdf-pane').waitFor({ state: layout === 'text only' ? 'detached' : 'attached' });
        const placement = await passageActionsPlacement(passage);
        expect(placement.where, `${layout} at ${viewport.width}: column ${placement.columnWidth}px`).toBe(placement.columnWidth >= MARGIN_PLACEMENT_COLUMN ? 'margin' : 'above');
        expect(placement.clipped).toEqual([]);
        // Not cut off, and not touching the window's edge either.
        expect(placement.roomToWindowEdge, `${layout} at ${viewport.width}`).toBeGreaterThanOrEqual(12);
        expect(placement.squeezed).toEqual([]);
        expect(placement.scrollsSideways).toBe(false);
        expect(placement.windowScrolls).toBe(false);
        seen.add(placement.where);
        await screenshot(page, `reader-passage-actions-${layout.replaceAll(' ', '-')}-${viewport.width}`);
      }
      await closeAndCheck(app);
      app = undefined;
    }
    // Both placements were shown: the wide text-only column and the narrow side-by-side one.
    expect([...seen].sort()).toEqual(['above', 'margin']);
  });

  it('keeps a long passage’s actions in view when its first lines are scrolled away', async () => {
    for (const viewport of viewports) {
      app = await startApp({ viewport });
      const { page } = app;
      await app.goto(routeHref('reader', ['kcss-advance-kosovo-nato-relations']));
      await page.locator('.structured-text p.passage').first().waitFor();
      for (const layout of ['side by side', 'text only'] as const) {
        if (layout === 'text only') await page.getByRole('button', { name: 'PDF', exact: true }).click();
        await page.locator('.pdf-pane').waitFor({ state: layout === 'text only' ? 'detached' : 'attached' });
        // The tallest paragraph, its first 120 px above the pane: the top of its rail is out of view.
        const tallest = await page.locator('.structured-text p.passage').evaluateAll((passages) => {
          const heights = passages.map((p) => p.getBoundingClientRect().height);
          return heights.indexOf(Math.max(...heights));
        });
        const passage = page.locator('.structured-text p.passage').nth(tallest);
        const height = (await passage.boundingBox())!.height;
        expect(height, `${layout} at ${viewport.width}`).toBeGreaterThan(200);
        const placement = await passageActionsPlacement(passage, -120);
        await screenshot(page, `reader-passage-actions-scrolled-${layout.replaceAll(' ', '-')}-${viewport.width}`);
        expect(placement.clipped, `${layout} at ${viewport.width}`).toEqual([]);
        expect(placement.roomToWindowEdge, `${layout} at ${viewport.width}`).toBeGreaterThanOrEqual(12);
        expect(placement.squeezed).toEqual([]);
        expect(placement.where).toBe(placement.columnWidth >= MARGIN_PLACEMENT_COLUMN ? 'margin' : 'over');
        expect(placement.windowScrolls).toBe(false);
      }
      await closeAndCheck(app);
      app = undefined;
    }
  });

  it('looks right in both themes at 1280x800 and 1920x1080', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 1920, height: 1080 },
      ]) {
        app = await startApp({ colorScheme, viewport });
        const { page } = app;
        const docId = 'kcss-foreign-security-priorities-2026';
        const result = await app.core.dispatch('corpus.passages', { docId });
        const withNote = ((result.ok ? result.value : []) as Passage[]).find((passage) => passage.footnoteRefs.length > 0 && passage.page > 2 && !passage.backMatter)!;
        await app.goto(passageHref(docId, withNote.id));
        await waitForPage(page, withNote.page);
        await page.locator('mark.passage-mark').first().waitFor();
        await screenshot(page, `reader-${colorScheme}-${viewport.width}`);
        const marker = page.locator(`[data-passage-id="${withNote.id}"] button[data-footnote]`).first();
        await marker.click();
        await page.locator('.footnote-popover').waitFor();
        await screenshot(page, `reader-footnote-${colorScheme}-${viewport.width}`);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Contents', exact: true }).click();
        await page.getByRole('button', { name: 'Info', exact: true }).click();
        await page.locator('.document-info').waitFor();
        await screenshot(page, `reader-panels-${colorScheme}-${viewport.width}`);
        await page.getByRole('button', { name: 'Close document info' }).click();
        await page.getByRole('tab', { name: 'Pages' }).click();
        await page.locator('.thumbnail canvas').first().waitFor();
        await page.locator('.pdf-scroller').click({ position: { x: 5, y: 5 } });
        await page.keyboard.press('Control+f');
        await page.getByRole('searchbox', { name: 'Find in document' }).fill('Kosovo Police');
        await page.locator('mark.find-hit.is-current').first().waitFor();
        await screenshot(page, `reader-find-${colorScheme}-${viewport.width}`);
        await page.getByRole('button', { name: 'PDF', exact: true }).click();
        await screenshot(page, `reader-text-only-${colorScheme}-${viewport.width}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        expect(app.foreignRequests).toEqual([]);
        expect(app.pageErrors).toEqual([]);
        await app.close();
        app = undefined;
      }
    }
  });
});
