import type { CSSProperties, ReactNode } from 'react';
import { highlightPieces, highlightTitle, type HighlightRange } from './highlight-pieces';
import './highlights.css';

/**
 * A run of passage text with its annotations drawn in. Overlapping annotations nest, and a
 * piece under several gets a deeper tint and a double underline, so overlaps stay visible.
 */
export function HighlightedText({ text, ranges, offset = 0, onActivate }: { text: string; ranges: readonly HighlightRange[]; offset?: number; onActivate?: (annotationId: string) => void }) {
  const pieces = highlightPieces(text, ranges, offset);
  return (
    <>
      {pieces.map((piece): ReactNode => {
        if (piece.highlights.length === 0) return piece.text;
        const innermost = piece.highlights.at(-1)!;
        return (
          <mark
            key={piece.start}
            className={`annotation-highlight color-${innermost.color}${piece.highlights.length > 1 ? ' is-overlap' : ''}`}
            data-annotation-id={innermost.annotationId}
            data-annotation-ids={piece.highlights.map((range) => range.annotationId).join(' ')}
            title={highlightTitle(piece.highlights)}
            style={innermost.tint ? ({ '--hl': innermost.tint } as CSSProperties) : undefined}
            onClick={onActivate ? () => onActivate(innermost.annotationId) : undefined}
          >
            {piece.text}
          </mark>
        );
      })}
    </>
  );
}
