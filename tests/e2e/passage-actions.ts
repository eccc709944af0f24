import type { Locator } from 'playwright-core';

/** The text column's width from which the actions sit in the margin (StructuredText.css's container query). */
export const MARGIN_PLACEMENT_COLUMN = 870;

export interface ActionsPlacement {
  /** Beside the passage in the right margin, above its first line, or neither (over the text). */
  where: 'margin' | 'above' | 'over';
  /** The text column's width, which decides between the two (a container query at 870px). */
  columnWidth: number;
  /** Buttons cut off by the text pane or the window. */
  clipped: string[];
  /** Whether the text pane scrolls sideways (a button pushed past its edge would make it). */
  scrollsSideways: boolean;
  /** Buttons squeezed so that their label wraps (taller than wide). */
  squeezed: string[];
  /** Whether the window itself scrolls: the app frame must fit it, only its panes scroll. */
  windowScrolls: boolean;
  /** The least room between a button and the window's right edge, in px. */
  roomToWindowEdge: number;
}

/**
 * Brings a passage's first line near the top of the text pane (`firstLineAt` px below the
 * pane's top; negative: scrolled that far above it), points at the passage just inside
 * the pane, and says where its actions (Edit, Link) are drawn.
 */
export async function passageActionsPlacement(passage: Locator, firstLineAt = 60): Promise<ActionsPlacement> {
  const windowScrolls = await passage.evaluate((element, at) => {
    // The text pane alone scrolls (scrollIntoView would move every scrollable ancestor),
    // leaving room above the passage for actions drawn there.
    const scroller = element.closest('.text-scroller')!;
    scroller.scrollTop += element.getBoundingClientRect().top - scroller.getBoundingClientRect().top - at;
    const root = document.documentElement;
    return root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth;
  }, firstLineAt);
  await passage.hover({ position: { x: 20, y: Math.max(10, 10 - firstLineAt) } });
  // They fade in on hover: measured, and shown in screenshots, once fully there.
  await passage.locator(':scope > .passage-actions-rail > .passage-actions').evaluate(
    (actions) =>
      new Promise<void>((resolve) => {
        const check = () => (getComputedStyle(actions).opacity === '1' ? resolve() : requestAnimationFrame(check));
        check();
      }),
  );
  const placement = await passage.evaluate((element): Omit<ActionsPlacement, 'windowScrolls'> => {
    const buttons = [...element.querySelectorAll<HTMLButtonElement>(':scope > .passage-actions-rail > .passage-actions button')];
    const text = element.getBoundingClientRect();
    const scroller = element.closest('.text-scroller')!;
    const pane = scroller.getBoundingClientRect();
    const boxes = buttons.map((button) => button.getBoundingClientRect());
    const clipped = buttons
      .filter((_, i) => boxes[i]!.width === 0 || boxes[i]!.left < pane.left || boxes[i]!.right > pane.right || boxes[i]!.right > window.innerWidth || boxes[i]!.top < pane.top || boxes[i]!.bottom > pane.bottom)
      .map((button) => button.textContent ?? '');
    const where: ActionsPlacement['where'] = boxes.length > 0 && boxes.every((box) => box.left >= text.right) ? 'margin' : boxes.length > 0 && boxes.every((box) => box.bottom <= text.top + 4) ? 'above' : 'over';
    const squeezed = buttons.filter((_, i) => boxes[i]!.height > boxes[i]!.width).map((button) => button.textContent ?? '');
    const roomToWindowEdge = Math.min(...boxes.map((box) => window.innerWidth - box.right));
    return { where, squeezed, columnWidth: element.closest('.text-column')!.getBoundingClientRect().width, clipped, scrollsSideways: scroller.scrollWidth > scroller.clientWidth, roomToWindowEdge };
  });
  return { ...placement, windowScrolls };
}
