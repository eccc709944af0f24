import { markSegments } from './mark-segments';
import type { MarkRange } from './mark-segments';

/**
 * Draws highlights into a rendered pdf.js text layer. Span `i` of the layer holds item
 * `i`'s text; a highlighted span gets its text split into pieces, the marked ones wrapped
 * in <mark>. The text stays transparent; the marks' backgrounds show over the canvas.
 */
export function applyTextLayerMarks(spans: readonly HTMLElement[], itemTexts: readonly string[], marksByItem: ReadonlyMap<number, MarkRange[]>): void {
  spans.forEach((span, item) => {
    const ranges = marksByItem.get(item);
    const text = itemTexts[item] ?? '';
    if (!ranges || ranges.length === 0) {
      if (span.childElementCount > 0) span.textContent = text;
      return;
    }
    const fragment = document.createDocumentFragment();
    for (const piece of markSegments(text, ranges)) {
      if (piece.classNames.length === 0) {
        fragment.append(piece.text);
        continue;
      }
      const mark = document.createElement('mark');
      mark.className = piece.classNames.join(' ');
      if (piece.tint) mark.style.setProperty('--hl', piece.tint);
      mark.textContent = piece.text;
      fragment.append(mark);
    }
    span.replaceChildren(fragment);
  });
}
