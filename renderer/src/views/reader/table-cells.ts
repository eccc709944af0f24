import type { Passage } from '../../../../electron/core/corpus/schema';

/**
 * Where each cell of a table row lies in the row's text, which joins the cells with tabs
 * (offsets of footnote markers, mentions and annotations are in that text). A row without
 * cells is one cell.
 */
export function cellRanges(passage: Pick<Passage, 'text' | 'cells'>): Array<{ start: number; end: number }> {
  const cells = passage.cells ?? [passage.text];
  const ranges: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const cell of cells) {
    ranges.push({ start, end: start + cell.length });
    start += cell.length + 1;
  }
  return ranges;
}
