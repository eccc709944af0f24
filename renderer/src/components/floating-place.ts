/** The rectangle a floating panel is placed against: a selection, a caret, a button. */
export interface AnchorBox {
  top: number;
  bottom: number;
  left: number;
}

export interface FloatingPlace {
  top: number;
  left: number;
  /** The panel never grows past the window: its body scrolls instead. */
  maxHeight: number;
}

/**
 * Where a fixed panel of a measured size goes: below the anchor when it fits, else above
 * it, else as low as it fits whole (over the anchor), so none of it, and above all not its
 * buttons, is ever outside the window.
 */
export function placeFloating(anchor: AnchorBox, size: { width: number; height: number }, viewport: { width: number; height: number }, gap = 8, margin = 8): FloatingPlace {
  const maxHeight = Math.max(0, viewport.height - 2 * margin);
  const height = Math.min(size.height, maxHeight);
  const left = Math.max(margin, Math.min(anchor.left, viewport.width - size.width - margin));
  const below = anchor.bottom + gap;
  if (below + height <= viewport.height - margin) return { top: below, left, maxHeight };
  const above = anchor.top - gap - height;
  if (above >= margin) return { top: above, left, maxHeight };
  return { top: Math.max(margin, viewport.height - margin - height), left, maxHeight };
}
