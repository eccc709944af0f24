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
export function floatingPosition(anchor: Anchor | null, height: number, width: number): React.CSSProperties {
  if (!anchor) return { top: 120, left: 120 };
  const left = Math.max(8, Math.min(anchor.left - 12, window.innerWidth - width - 8));
  if (window.innerHeight - anchor.bottom >= height + 12) return { top: anchor.bottom + 6, left };
  return { bottom: window.innerHeight - anchor.top + 6, left };
}
