import type { FootnoteRef, InlineLink, Passage } from '../schema';

/** One cell's text with the links and footnote markers that fall inside it, re-based to the cell. */
export interface CellContent {
  text: string;
  links: InlineLink[];
  refs: FootnoteRef[];
}

/**
 * Splits a table row into cells. Offsets of links and markers refer to the row's `text`
 * (its cells joined by tabs), so each cell's start in that text is found first.
 */
export function rowCells(row: Passage): CellContent[] {
  const cells = row.cells && row.cells.length > 0 ? row.cells : row.text.split('\t');
  const starts: number[] = [];
  let from = 0;
  for (const cell of cells) {
    const at = row.text.indexOf(cell, from);
    // A cell the text does not contain verbatim keeps the running position: its markers then
    // land in a neighbour rather than being lost.
    starts.push(at >= 0 ? at : from);
    from = at >= 0 ? at + cell.length : from;
  }
  const cellIndexAt = (offset: number): number => {
    let index = 0;
    for (let i = 0; i < starts.length; i++) if (starts[i]! <= offset) index = i;
    return index;
  };
  return cells.map((text, i) => {
    const start = starts[i]!;
    const inCell = (offset: number) => cellIndexAt(offset) === i;
    const clamp = (offset: number) => Math.max(0, Math.min(text.length, offset - start));
    return {
      text,
      links: (row.links ?? [])
        .filter((l) => inCell(l.start))
        .map((l) => ({ ...l, start: clamp(l.start), end: clamp(l.end) })),
      refs: (row.footnoteRefs ?? []).filter((r) => inCell(r.offset)).map((r) => ({ ...r, offset: clamp(r.offset) })),
    };
  });
}

/**
 * The first row of a table is drawn as its header when every cell is a short label; a later
 * row repeating it (tables that ran over several pages of the source) is drawn the same way.
 */
export function headerRows(rows: readonly Passage[]): Set<number> {
  const header = new Set<number>();
  const first = rows[0];
  if (!first || rows.length < 2) return header;
  const labels = rowCells(first).map((c) => c.text.trim());
  const short = labels.every((l) => l.length > 0 && l.split(/\s+/).length <= 6 && !/^[\d.,%\s]+$/.test(l));
  if (!short) return header;
  rows.forEach((row, i) => {
    if (rowCells(row).map((c) => c.text.trim()).join('\t') === labels.join('\t')) header.add(i);
  });
  return header;
}
