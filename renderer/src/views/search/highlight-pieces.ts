import type { HighlightRange } from '../../../../electron/core/search/types';

export interface TextPiece {
  text: string;
  marked: boolean;
}

/**
 * Cuts a text into plain and highlighted pieces from [start, end) ranges. Ranges come from
 * core, so they are trusted to be within the text only after clamping; overlapping or
 * unsorted ranges are merged rather than shown twice.
 */
export function highlightPieces(text: string, ranges: readonly HighlightRange[]): TextPiece[] {
  const sorted = ranges
    .map(([start, end]) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    const last = pieces.at(-1);
    if (from > at) pieces.push({ text: text.slice(at, from), marked: false });
    // Touching ranges make one mark, not two side by side.
    if (from === at && last?.marked) last.text += text.slice(from, end);
    else pieces.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
