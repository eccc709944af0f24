import { describe, expect, it } from 'vitest';
import { currentPage, layoutPages, pageGap, panePadding, scrollTopFor, visiblePages } from '../../../renderer/src/views/reader/page-layout';
import { cssPixelsPerPoint, fitPageZoom, fitWidthZoom, stepZoom, zoomLabel } from '../../../renderer/src/views/reader/zoom';

const a4 = { width: 595.28, height: 841.89 };

describe('page layout and zoom', () => {
  it('stacks pages at their scaled size with a gap between them', () => {
    const boxes = layoutPages([a4, a4, a4], 1);
    expect(boxes.map((box) => box.page)).toEqual([1, 2, 3]);
    expect(boxes[0]).toMatchObject({ top: panePadding, width: Math.floor(a4.width * cssPixelsPerPoint), height: Math.floor(a4.height * cssPixelsPerPoint) });
    expect(boxes[1]!.top).toBe(boxes[0]!.top + boxes[0]!.height + pageGap);
  });

  it('knows which pages are on screen and which one the reader is on', () => {
    const boxes = layoutPages([a4, a4, a4, a4], 1);
    const second = boxes[1]!;
    expect(visiblePages(boxes, second.top, 400)).toEqual([2]);
    expect(visiblePages(boxes, second.top + second.height - 100, 400)).toEqual([2, 3]);
    expect(currentPage(boxes, second.top - 50, 900)).toBe(2);
    expect(currentPage(boxes, 0, 900)).toBe(1);
    expect(currentPage(boxes, 1e9, 900)).toBe(4);
  });

  it('scrolls to a page, and to a point on it', () => {
    const boxes = layoutPages([a4, a4, a4], 1.5);
    expect(scrollTopFor(boxes, 1, 1.5)).toBe(panePadding / 2);
    expect(scrollTopFor(boxes, 3, 1.5, 100)).toBeCloseTo(boxes[2]!.top - panePadding / 2 + 100 * 1.5 * cssPixelsPerPoint);
    expect(scrollTopFor(boxes, 99, 1.5)).toBe(scrollTopFor(boxes, 3, 1.5));
  });

  it('fits the width or the whole page into the pane', () => {
    const zoom = fitWidthZoom([a4], 820, 16);
    expect(a4.width * cssPixelsPerPoint * zoom).toBeCloseTo(820 - 32);
    const page = fitPageZoom([a4], 2000, 700, 16);
    expect(a4.height * cssPixelsPerPoint * page).toBeCloseTo(700 - 32);
    expect(fitWidthZoom([a4], 50)).toBe(0.25); // a floor, so a tiny pane never gets an unreadable speck
    expect(fitWidthZoom([a4], 400, 16)).toBeCloseTo((400 - 32) / (a4.width * cssPixelsPerPoint)); // below the smallest step: still fits
  });

  it('zooms in and out by steps, from anywhere between them', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
    expect(stepZoom(1.03, 1)).toBe(1.1);
    expect(stepZoom(1.03, -1)).toBe(1);
    expect(stepZoom(4, 1)).toBe(4);
    expect(stepZoom(0.5, -1)).toBe(0.5);
    expect(stepZoom(0.3, -1)).toBe(0.5); // from a small fit, zooming out goes no lower than the smallest step
    expect(zoomLabel(1.25)).toBe('125%');
  });
});
