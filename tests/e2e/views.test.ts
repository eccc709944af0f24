import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest, callCore, viewports as sizes } from './app-checks';
import { screenshot } from './screenshots';

const apps = appPerTest();

/**
 * What must hold in every view: the page never scrolls sideways, the main area is no wider
 * than itself, and every control is inside the window (unless it sits in a box made to
 * scroll, like the PDF, a wide table or the co-occurrence grid).
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    const main = document.querySelector('main')!;
    if (main.scrollWidth > main.clientWidth) problems.push(`the main area is ${main.scrollWidth - main.clientWidth}px too wide`);
    const scrollsSideways = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== main; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (/(auto|scroll)/.test(style.overflowX) && parent.scrollWidth > parent.clientWidth) return true;
      }
      return false;
    };
    for (const control of document.querySelectorAll<HTMLElement>('main a, main button, main input, main select, main textarea, nav a, nav button')) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(control).visibility === 'hidden') continue;
      if (box.right > window.innerWidth + 1 && !scrollsSideways(control)) problems.push(`off the right edge: ${control.outerHTML.slice(0, 80)}`);
    }
    return problems;
  });
}

describe('every view at 1280×800 and 900×700, in both themes', () => {
  it('fits the window: nothing off-screen, nothing scrolling the page sideways (screenshots in test-results/screenshots)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of sizes) {
        const app = await apps.start({ viewport, colorScheme });
        const { page } = app;
        // A workspace in use: coded annotations, a draft, a recent search.
        const quotes = ['accredit a Centre of Excellence (COE) in Kosovo', 'Kosovo Security Force', 'Center of Excellence'];
        for (const [index, quote] of quotes.entries()) {
          const passage = app.core.corpus.corpus.passages.find((candidate) => candidate.text.includes(quote))!;
          await callCore(app, 'annotations.create', { passageId: passage.id, quote, topicPaths: index === 1 ? ['Security'] : ['Security / NATO', 'Centres of Excellence'], note: index === 0 ? 'The cheapest visible signal' : '' });
        }
        const draft = await callCore(app, 'drafts.create', { title: 'Kosovo and NATO' });
        const topics = await callCore(app, 'topics.list', {});
        const nato = topics.find((topic) => topic.name === 'NATO')!;
        const passage = app.core.corpus.corpus.passages.find((candidate) => candidate.text.includes(quotes[0]!))!;
        const views: Array<[name: string, hash: string, ready: string]> = [
          ['library', '#/library', '.document-card'],
          ['reader', `#/reader/${passage.docId}?passage=${passage.id}`, '.pdf-page[data-rendered="true"]'],
          ['entities', '#/entities/nato', '.entity-detail'],
          ['recommendations', '#/recommendations', '.recommendation'],
          ['topics', `#/topics/${nato.id}`, '.topic-page'],
          ['cooccurrence', '#/topics/cooccurrence', '.heatmap'],
          ['drafts', `#/drafts/${draft.id}`, '.draft-prose'],
          ['search', '#/search?q=kosovo%20police', '.search-result'],
          ['annotations', '#/annotations', '.annotations-view-list'],
          ['evidence-timeline', '#/evidence/timeline', '.evidence-timeline[data-ready="true"]'],
          ['evidence-figures', '#/evidence/figures', '.evidence-figure-group'],
          ['evidence-network', '#/evidence/network', '.evidence-network[data-ready="true"]'],
        ];
        for (const [name, hash, ready] of views) {
          await app.goto(hash);
          await page.locator(ready).first().waitFor();
          await screenshot(page, `view-${name}-${colorScheme}-${viewport.width}`);
          expect(await layoutProblems(page), `${name} at ${viewport.width}×${viewport.height}, ${colorScheme}`).toEqual([]);
        }
        await page.keyboard.press('?');
        await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
        await screenshot(page, `view-shortcuts-${colorScheme}-${viewport.width}`);
        await apps.end();
      }
    }
  });
});
