import { cssPixelsPerPoint } from './zoom';
import type { PageSize } from './zoom';

/**
 * Where every page sits in the scrolling PDF pane at a zoom, computed from the page sizes
 * alone, so placeholders have their final size before anything is drawn and the scroll
 * position maps to a page without touching the DOM.
 */
export interface PageBox {
  page: number;
  top: number;
  width: number;
  height: number;
}

export const pageGap = 12;
export const panePadding = 16;

export function layoutPages(sizes: readonly PageSize[], zoom: number): PageBox[] {
  const scale = zoom * cssPixelsPerPoint;
  let top = panePadding;
  return sizes.map((size, index) => {
    const box = { page: index + 1, top, width: Math.floor(size.width * scale), height: Math.floor(size.height * scale) };
    top += box.height + pageGap;
    return box;
  });
}

/** Pages with any part inside [scrollTop, scrollTop + height). */
export function visiblePages(boxes: readonly PageBox[], scrollTop: number, height: number): number[] {
  const bottom = scrollTop + height;
  return boxes.filter((box) => box.top < bottom && box.top + box.height > scrollTop).map((box) => box.page);
}

/** The page the reader is on: the one covering a line a third of the way down the pane. */
export function currentPage(boxes: readonly PageBox[], scrollTop: number, height: number): number {
  if (boxes.length === 0) return 1;
  const line = scrollTop + height / 3;
  for (const box of boxes) {
    if (line < box.top + box.height + pageGap) return box.page;
  }
  return boxes[boxes.length - 1]!.page;
}

/**
 * Scroll offset that shows a page; `pointFromTop` (in PDF points, from the page's top edge)
 * puts that spot near the top, as an outline destination asks.
 */
export function scrollTopFor(boxes: readonly PageBox[], page: number, zoom: number, pointFromTop = 0): number {
  const box = boxes[Math.min(boxes.length, Math.max(1, page)) - 1];
  if (!box) return 0;
  return Math.max(0, box.top - panePadding / 2 + pointFromTop * zoom * cssPixelsPerPoint);
}
