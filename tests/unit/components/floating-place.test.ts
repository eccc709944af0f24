import { describe, expect, it } from 'vitest';
import { placeFloating } from '../../../renderer/src/components/floating-place';

const size = { width: 340, height: 420 };

describe('placing a floating panel', () => {
  it('goes below the selection when it fits', () => {
    expect(placeFloating({ top: 100, bottom: 120, left: 300 }, size, { width: 1280, height: 800 })).toEqual({ top: 128, left: 300, maxHeight: 784 });
  });

  it('goes above when below would run out of the window', () => {
    const place = placeFloating({ top: 600, bottom: 620, left: 300 }, size, { width: 1280, height: 800 });
    expect(place.top).toBe(600 - 8 - 420);
  });

  it('with room on neither side, sits as low as it fits whole: its bottom (the buttons) stays in the window', () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 900, height: 700 },
    ]) {
      for (let selectionTop = 0; selectionTop < viewport.height; selectionTop += 37) {
        const place = placeFloating({ top: selectionTop, bottom: selectionTop + 40, left: 880 }, { width: 340, height: 600 }, viewport);
        const height = Math.min(600, place.maxHeight);
        expect(place.top).toBeGreaterThanOrEqual(8);
        expect(place.top + height).toBeLessThanOrEqual(viewport.height - 8);
        expect(place.left + 340).toBeLessThanOrEqual(viewport.width - 8);
      }
    }
  });

  it('never grows past a short window: it scrolls instead', () => {
    const place = placeFloating({ top: 100, bottom: 120, left: 0 }, { width: 340, height: 900 }, { width: 900, height: 500 });
    expect(place).toEqual({ top: 8, left: 8, maxHeight: 484 });
  });
});
