import type { Page } from 'playwright-core';

/**
 * Selects `quote` inside the element as a drag would leave it (a DOM selection), then
 * releases the mouse there: what the reader's selection handling listens to.
 */
export async function selectText(page: Page, selector: string, quote: string): Promise<void> {
  await page.locator(selector).first().waitFor();
  await selectBetween(page, { selector, text: quote }, { selector, text: quote });
}

/**
 * Selects from the start of `fromText` in one element to the end of `toText` in a later one
 * (two paragraphs, say), as a drag over both would, and releases the mouse.
 */
export async function selectBetween(page: Page, from: { selector: string; text: string }, to: { selector: string; text: string }): Promise<void> {
  await page.evaluate(
    ([start, end]) => {
      const point = (selector: string, wanted: string, atEnd: boolean): [Text, number] => {
        const element = document.querySelector(selector);
        if (!element) throw new Error(`no element ${selector}`);
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        let text = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.closest('sup, .speaker, .passage-actions, [data-not-passage-text]')) continue;
          nodes.push(node as Text);
          text += node.textContent ?? '';
        }
        const at = text.indexOf(wanted);
        if (at === -1) throw new Error(`"${wanted}" is not in ${selector}`);
        let offset = atEnd ? at + wanted.length : at;
        for (const node of nodes) {
          if (offset < node.length || (atEnd && offset === node.length)) return [node, offset];
          offset -= node.length;
        }
        throw new Error('offset outside the element');
      };
      const range = document.createRange();
      range.setStart(...point(start!.selector, start!.text, false));
      range.setEnd(...point(end!.selector, end!.text, true));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.querySelector(end!.selector)!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    [from, to] as const,
  );
}

/**
 * Selects a few words of the paragraph shown at height `y` of the window in the text view,
 * and releases the mouse: the popup opens beside a selection at that height. Returns the
 * selected text, or undefined when no paragraph text is at that height.
 */
export async function selectWordsAt(page: Page, y: number, length = 24): Promise<string | undefined> {
  return page.evaluate(
    ([top, size]) => {
      const column = document.querySelector('.text-column .structured-text')!.getBoundingClientRect();
      // The first paragraph line at or just below that height.
      for (let y = top!; y < top! + 120; y += 12) {
        for (let x = column.left + 30; x < column.right - 30; x += 40) {
          const caret = document.caretRangeFromPoint(x, y);
          const node = caret?.startContainer;
          if (!(node instanceof Text) || !node.parentElement?.closest('p.passage') || node.parentElement.closest('sup')) continue;
          const end = Math.min(node.length, caret!.startOffset + size!);
          if (end - caret!.startOffset < 8) continue;
          const range = document.createRange();
          range.setStart(node, caret!.startOffset);
          range.setEnd(node, end);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          node.parentElement.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return range.toString();
        }
      }
      return undefined;
    },
    [y, length] as const,
  );
}

/** Is the element wholly inside the window? */
export async function inWindow(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth && box.width > 0;
  });
}

/** Nothing of the frame has been scrolled: the app sits where it belongs and the page does not scroll sideways. */
export async function frameInPlace(page: Page): Promise<{ appTop: number; scrolled: string[]; sideways: boolean }> {
  return page.evaluate(() => ({
    appTop: document.querySelector('.app')!.getBoundingClientRect().top,
    scrolled: [document.scrollingElement!, document.body, document.querySelector('#root')!, document.querySelector('.app')!]
      .filter((element) => element.scrollTop !== 0 || element.scrollLeft !== 0)
      .map((element) => element.tagName + (element.id ? `#${element.id}` : '') + (element.className ? `.${element.className}` : '')),
    sideways: document.documentElement.scrollWidth > window.innerWidth,
  }));
}
