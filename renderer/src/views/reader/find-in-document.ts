import { foldForFind } from '../../../../electron/common/text/find-fold';
import type { PageText } from './page-text';

/** One hit of find-in-document: a range of a page's joined text (see page-text.ts). */
export interface FindHit {
  /** 1-based page number. */
  page: number;
  start: number;
  end: number;
}

/** Every hit of `query` in reading order, ignoring case, accents, dash styles and line breaks. */
export function findInPages(pages: ReadonlyArray<PageText | undefined>, query: string): FindHit[] {
  const needle = foldForFind(query).text;
  if (needle.length === 0) return [];
  const hits: FindHit[] = [];
  pages.forEach((page, index) => {
    if (!page) return;
    const haystack = foldForFind(page.text);
    let from = haystack.text.indexOf(needle);
    while (from >= 0) {
      const last = from + needle.length - 1;
      hits.push({ page: index + 1, start: haystack.map[from]!, end: haystack.map[last]! + 1 });
      from = haystack.text.indexOf(needle, from + needle.length);
    }
  });
  return hits;
}

/** Moves through hits with wrap-around: Enter goes forward, Shift+Enter back. */
export function stepHit(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** The first hit at or after a page, so a new search starts where the reader is. */
export function firstHitFrom(hits: readonly FindHit[], page: number): number {
  if (hits.length === 0) return -1;
  const index = hits.findIndex((hit) => hit.page >= page);
  return index >= 0 ? index : 0;
}

export function hitCountLabel(current: number, count: number): string {
  if (count === 0) return 'No matches';
  return `${current >= 0 ? current + 1 : 0} of ${count}`;
}
