import type { LineSegment } from './line-segments.js';

/**
 * Running headers, running footers and page numbers are page furniture, not text: they
 * would otherwise land in the middle of sentences that cross a page break.
 *
 * A line is furniture when it sits in the top or bottom margin zone and either
 * - repeats (digits ignored, so "Page 3 of 9" matches "Page 4 of 9") at about the same
 *   height on a good share of the pages, or
 * - is a bare page number ("12", "- 12 -", "Page 12", "xii").
 */
const MARGIN_ZONE_SHARE = 0.12;
const EXTREME_LINES = 2;
const SAME_HEIGHT_TOLERANCE = 6;

export interface PageSegments {
  page: number;
  width: number;
  height: number;
  segments: LineSegment[];
}

// Arabic numerals, or a well-formed roman numeral (so words such as "mid" or "civil" do not match).
const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:page\s+|p\.\s*)?(?:\d{1,4}|(?=[mdclxvi])m{0,3}(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3}))(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;

export function isBarePageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** The lines furniture is looked for in: a page's top and bottom lines inside its margin zones. */
export function marginCandidates(page: PageSegments): LineSegment[] {
  const byY = [...page.segments].sort((a, b) => a.y - b.y);
  const top = byY.slice(0, EXTREME_LINES).filter((s) => s.y < page.height * MARGIN_ZONE_SHARE * 1.5);
  const bottom = byY.slice(-EXTREME_LINES).filter((s) => s.y > page.height * (1 - MARGIN_ZONE_SHARE * 1.5));
  return [...new Set([...top, ...bottom])];
}

const repeatKey = (s: LineSegment) => s.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

export function findPageFurniture(pages: PageSegments[]): Set<LineSegment> {
  const furniture = new Set<LineSegment>();
  const byKey = new Map<string, { segment: LineSegment; page: number }[]>();
  for (const page of pages) {
    for (const segment of marginCandidates(page)) {
      if (isBarePageNumber(segment.text)) {
        furniture.add(segment);
        continue;
      }
      const key = repeatKey(segment);
      byKey.set(key, [...(byKey.get(key) ?? []), { segment, page: page.page }]);
    }
  }
  const pagesNeeded = Math.max(2, Math.ceil(pages.length * 0.3));
  for (const hits of byKey.values()) {
    // Group by height: a header repeats at the same place on every page it appears on.
    for (const hit of hits) {
      const sameHeight = hits.filter((h) => Math.abs(h.segment.y - hit.segment.y) <= SAME_HEIGHT_TOLERANCE);
      const distinctPages = new Set(sameHeight.map((h) => h.page)).size;
      if (distinctPages >= pagesNeeded) furniture.add(hit.segment);
    }
  }
  return furniture;
}
