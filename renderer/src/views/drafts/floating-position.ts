/** The part of a caret or node rectangle a popup is placed against. */
interface Anchor {
  top: number;
  bottom: number;
  left: number;
}

/**
 * Where a fixed popup goes: below the anchor when it fits, else above it (so it never
 * hides the text being typed near the bottom of the window), and never off the right edge.
 */
export function floatingPosition(anchor: Anchor | null, height: number, width: number, options: { fit?: boolean } = {}): React.CSSProperties {
  if (!anchor) return { top: 120, left: 120 };
  const left = Math.max(8, Math.min(anchor.left - 12, window.innerWidth - width - 8));
  const below = window.innerHeight - anchor.bottom - 12;
  const above = anchor.top - 12;
  if (below >= height) return { top: anchor.bottom + 6, left };
  // `fit`: a panel that fits on neither side goes where there is more room, and scrolls inside.
  if (options.fit && above < height) {
    const room = Math.max(below, above);
    const scroll = { maxHeight: room, overflowY: 'auto' as const };
    return below >= above ? { top: anchor.bottom + 6, left, ...scroll } : { bottom: window.innerHeight - anchor.top + 6, left, ...scroll };
  }
  return { bottom: window.innerHeight - anchor.top + 6, left };
}
