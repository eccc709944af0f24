import { describe, expect, it } from 'vitest';
import { adjacentPassage, passageForClickedText, passageForPage, passagesOnPage, viewsAgree } from '../../../renderer/src/views/reader/page-passage-map';
import { locatePassage } from '../../../renderer/src/views/reader/locate-passage';
import { itemAt } from '../../../renderer/src/views/reader/page-text';
import { bundledCorpus, paperPageTexts } from './real-papers';

describe('mapping between PDF pages and passages', () => {
  it('gives every page of every paper a passage, the first to start on it or the one still running', async () => {
    const { documents, passages } = await bundledCorpus();
    for (const document of documents) {
      const own = passages.filter((passage) => passage.docId === document.id);
      for (let page = 1; page <= document.pageCount; page++) {
        const passage = passageForPage(own, page)!;
        expect(passage).toBeDefined();
        const starting = passagesOnPage(own, page);
        if (starting.length > 0) expect(passage).toBe(starting[0]);
        else if (own.some((item) => item.page < page)) expect(passage.page).toBeLessThan(page);
        else expect(passage.page).toBe(Math.min(...own.map((item) => item.page))); // a title page: the first passage after it
      }
    }
  });

  it('finds the passage a clicked line of the PDF belongs to, on real pages', async () => {
    const { passages } = await bundledCorpus();
    const docId = 'kcss-kosovo-nato-relations-2024';
    const own = passages.filter((passage) => passage.docId === docId);
    const pages = await paperPageTexts(docId);
    let checked = 0;
    for (const passage of own.filter((item) => item.kind === 'paragraph' && !item.backMatter)) {
      const page = pages[passage.page - 1]!;
      const found = locatePassage(page, passage.text);
      if (!found) continue;
      // A line from the middle of the passage, as the reader would click it.
      const item = itemAt(page, Math.floor((found.start + found.end) / 2));
      if (item === undefined) continue;
      const start = page.itemStarts[item]!;
      const line = page.text.slice(start, start + page.itemLengths[item]!);
      if (line.length < 40) continue;
      expect(passageForClickedText(own, passage.page, line)?.id, line).toBe(passage.id);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('falls back to the page’s passage when the clicked text is in no passage (a running header)', async () => {
    const { passages } = await bundledCorpus();
    const own = passages.filter((passage) => passage.docId === 'kcss-kosovo-nato-relations-2024');
    const page = own.find((passage) => passage.page > 3)!.page;
    expect(passageForClickedText(own, page, 'A Discussion of Kosovo-NATO Relations')).toBe(passageForPage(own, page));
  });

  it('steps to the next and previous passage in reading order, and stops at the ends', () => {
    const list = [
      { id: 'c', page: 2, order: 2, text: 'c' },
      { id: 'a', page: 1, order: 0, text: 'a' },
      { id: 'b', page: 1, order: 1, text: 'b' },
    ];
    expect(adjacentPassage(list, 'a', 1)?.id).toBe('b');
    expect(adjacentPassage(list, 'b', 1)?.id).toBe('c');
    expect(adjacentPassage(list, 'c', 1)?.id).toBe('c');
    expect(adjacentPassage(list, 'a', -1)?.id).toBe('a');
    expect(adjacentPassage(list, undefined, 1)?.id).toBe('a');
    expect(adjacentPassage(list, undefined, -1)?.id).toBe('c');
  });

  it('says two views agree only when they share a page', () => {
    expect(viewsAgree([3, 4], [4, 5])).toBe(true);
    expect(viewsAgree([3], [4, 5])).toBe(false);
    expect(viewsAgree([], [1])).toBe(false);
  });
});
