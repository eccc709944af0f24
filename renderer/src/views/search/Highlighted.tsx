import type { HighlightRange } from '../../../../electron/core/search/types';
import { highlightPieces } from './highlight-pieces';

/** A text with the words that matched the query in <mark>. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly HighlightRange[] }) {
  return (
    <>
      {highlightPieces(text, ranges).map((piece, n) => (piece.marked ? <mark key={n}>{piece.text}</mark> : <span key={n}>{piece.text}</span>))}
    </>
  );
}
