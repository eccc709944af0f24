/**
 * Highlights in the text layer (find hits, the linked passage) are ranges of one span's
 * text, possibly overlapping. This cuts the span's text at every range edge and says which
 * classes each piece carries, so the DOM code only has to draw pieces.
 */
export interface MarkRange {
  start: number;
  end: number;
  className: string;
  /** A colour for the mark (an annotation drawn in its topic's colour). */
  tint?: string;
}

export interface MarkedPiece {
  text: string;
  classNames: string[];
  tint?: string;
}

export function markSegments(text: string, ranges: readonly MarkRange[]): MarkedPiece[] {
  const cuts = new Set<number>([0, text.length]);
  for (const range of ranges) {
    cuts.add(Math.max(0, Math.min(text.length, range.start)));
    cuts.add(Math.max(0, Math.min(text.length, range.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: MarkedPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const covering = ranges.filter((range) => range.start <= from && range.end >= to);
    const classNames = [...new Set(covering.map((range) => range.className))];
    const tint = covering.findLast((range) => range.tint)?.tint;
    pieces.push({ text: text.slice(from, to), classNames, ...(tint ? { tint } : {}) });
  }
  return pieces;
}
