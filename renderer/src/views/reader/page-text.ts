/**
 * The text of one PDF page as pdf.js extracts it: a list of items (one per text run), each
 * drawn as one span in the text layer. Matches are found in the joined page text and then
 * cut back into per-item ranges, which is what the text layer can highlight.
 */
export interface TextItemLike {
  str: string;
  hasEOL?: boolean;
}

export interface PageText {
  /** The items joined; an end of line becomes a space so words do not run together. */
  text: string;
  /** Offset in `text` where each item starts. */
  itemStarts: number[];
  itemLengths: number[];
}

export interface ItemRange {
  item: number;
  start: number;
  end: number;
}

export function joinPageText(items: readonly TextItemLike[]): PageText {
  let text = '';
  const itemStarts: number[] = [];
  const itemLengths: number[] = [];
  for (const item of items) {
    itemStarts.push(text.length);
    itemLengths.push(item.str.length);
    text += item.str;
    if (item.hasEOL && !text.endsWith(' ')) text += ' ';
  }
  return { text, itemStarts, itemLengths };
}

/** Cuts [start, end) of the page text into the items it covers (separators belong to no item). */
export function rangeToItems(page: PageText, start: number, end: number): ItemRange[] {
  const ranges: ItemRange[] = [];
  for (let item = 0; item < page.itemStarts.length; item++) {
    const itemStart = page.itemStarts[item]!;
    const itemEnd = itemStart + page.itemLengths[item]!;
    if (itemEnd <= start) continue;
    if (itemStart >= end) break;
    const from = Math.max(start, itemStart) - itemStart;
    const to = Math.min(end, itemEnd) - itemStart;
    if (to > from) ranges.push({ item, start: from, end: to });
  }
  return ranges;
}

/** Which item holds the character at `offset` of the page text, if any. */
export function itemAt(page: PageText, offset: number): number | undefined {
  for (let item = 0; item < page.itemStarts.length; item++) {
    const itemStart = page.itemStarts[item]!;
    if (offset >= itemStart && offset < itemStart + page.itemLengths[item]!) return item;
  }
  return undefined;
}
