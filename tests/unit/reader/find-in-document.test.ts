import { describe, expect, it } from 'vitest';
import { findInPages, firstHitFrom, hitCountLabel, stepHit } from '../../../renderer/src/views/reader/find-in-document';
import { joinPageText } from '../../../renderer/src/views/reader/page-text';
import { paperPageTexts } from './real-papers';

describe('find in document', () => {
  it('finds every occurrence in a real paper, in page order, each reading as the query', async () => {
    const pages = await paperPageTexts('kcss-foreign-security-priorities-2026');
    const hits = findInPages(pages, 'kfor');
    // Counted independently: a case-insensitive regular expression over each page's text.
    const expected = pages.reduce((sum, page) => sum + (page.text.match(/kfor/gi)?.length ?? 0), 0);
    expect(expected).toBeGreaterThan(2);
    expect(hits).toHaveLength(expected);
    for (const hit of hits) expect(pages[hit.page - 1]!.text.slice(hit.start, hit.end).toLowerCase()).toBe('kfor');
    expect(hits.map((hit) => hit.page)).toEqual([...hits.map((hit) => hit.page)].sort((a, b) => a - b));
  });

  it('ignores accents, so "vucic" finds Vučić in the PDF text', async () => {
    const pages = await paperPageTexts('kcss-foreign-security-priorities-2026');
    const hits = findInPages(pages, 'vucic');
    expect(hits.length).toBeGreaterThan(0);
    const found = hits.map((hit) => pages[hit.page - 1]!.text.slice(hit.start, hit.end));
    for (const text of found) expect(text).toMatch(/^vu[čc]i[ćc]$/i);
    expect(found).toContain('Vučić');
  });

  it('matches a phrase across a line break and a different dash', () => {
    const page = joinPageText([
      { str: 'the Kosovo–Serbia', hasEOL: true },
      { str: 'dialogue resumed', hasEOL: false },
    ]);
    const hits = findInPages([page], 'kosovo-serbia  dialogue');
    expect(hits).toEqual([{ page: 1, start: 4, end: 26 }]);
    expect(page.text.slice(4, 26)).toBe('Kosovo–Serbia dialogue');
  });

  it('finds nothing for an empty query', () => {
    expect(findInPages([joinPageText([{ str: 'text' }])], '   ')).toEqual([]);
  });

  it('moves between hits with wrap-around and labels the count', () => {
    expect(stepHit(0, 3, 1)).toBe(1);
    expect(stepHit(2, 3, 1)).toBe(0);
    expect(stepHit(0, 3, -1)).toBe(2);
    expect(stepHit(-1, 3, -1)).toBe(2);
    expect(stepHit(-1, 0, 1)).toBe(-1);
    expect(hitCountLabel(2, 17)).toBe('3 of 17');
    expect(hitCountLabel(-1, 0)).toBe('No matches');
  });

  it('starts a new search at the page the reader is on', () => {
    const hits = [
      { page: 1, start: 0, end: 1 },
      { page: 4, start: 0, end: 1 },
      { page: 6, start: 0, end: 1 },
    ];
    expect(firstHitFrom(hits, 3)).toBe(1);
    expect(firstHitFrom(hits, 7)).toBe(0);
    expect(firstHitFrom([], 1)).toBe(-1);
  });
});
