import type { Passage } from '../schema';
import type { FootnoteBlock } from './footnote-blocks';
import { buildAtoms } from './inline-atoms';
import { breakLines, type Line } from './line-breaker';
import type { PageFlow } from './page-flow';
import { BODY_WIDTH, COLORS, PAGE, SPACING, STYLES, type TextStyle } from './page-style';
import { headerRows, rowCells } from './table-cells';
import type { TextPainter } from './text-painter';

const PAD = SPACING.tableCellPadding;

/**
 * Column widths from the text they hold: each column wants room in proportion to all the text
 * in it (which keeps rows short), but never less than its longest word, so nothing is cut.
 */
function columnWidths(rows: readonly Passage[], painter: TextPainter): number[] {
  const columns = Math.max(...rows.map((r) => rowCells(r).length));
  const style = STYLES.tableCell;
  const total = new Array<number>(columns).fill(0);
  const widestWord = new Array<number>(columns).fill(0);
  for (const row of rows) {
    rowCells(row).forEach((cell, i) => {
      total[i] = total[i]! + painter.widthOf(cell.text, style.font, style.size);
      for (const word of cell.text.split(/\s+/)) {
        widestWord[i] = Math.max(widestWord[i]!, painter.widthOf(word, STYLES.tableHeader.font, style.size));
      }
    });
  }
  const minimum = widestWord.map((w) => Math.min(w + 2 * PAD + 1, BODY_WIDTH / columns));
  const wanted = total.map((w, i) => Math.max(w / rows.length + 2 * PAD, minimum[i]!));
  const sum = wanted.reduce((a, b) => a + b, 0);
  if (sum <= BODY_WIDTH) {
    // Short tables keep their natural proportions, spread to the full measure.
    return wanted.map((w) => (w / sum) * BODY_WIDTH);
  }
  // Give every column its minimum, then share what is left by how much more each one wants.
  const spare = BODY_WIDTH - minimum.reduce((a, b) => a + b, 0);
  const extra = wanted.map((w, i) => w - minimum[i]!);
  const extraTotal = extra.reduce((a, b) => a + b, 0) || 1;
  return minimum.map((m, i) => m + (spare * extra[i]!) / extraTotal);
}

interface LaidOutRow {
  cells: Line[][];
  height: number;
  header: boolean;
  notes: FootnoteBlock[];
}

export interface TableContext {
  doc: PDFKit.PDFDocument;
  painter: TextPainter;
  flow: PageFlow<FootnoteBlock>;
  footnote(number: number): FootnoteBlock | undefined;
  /** Called with each row passage and the page its row was drawn on. */
  placed(passage: Passage, page: number): void;
}

/** Draws consecutive table-row passages as one table with a full grid. */
export function drawTable(rows: readonly Passage[], ctx: TableContext): void {
  const widths = columnWidths(rows, ctx.painter);
  const headers = headerRows(rows);
  const laidOut: LaidOutRow[] = rows.map((row, r) => {
    const header = headers.has(r);
    const style: TextStyle = header ? STYLES.tableHeader : STYLES.tableCell;
    const cells = rowCells(row).map((cell, c) =>
      breakLines(buildAtoms(cell.text, cell.links, cell.refs), widths[c]! - 2 * PAD, ctx.painter.measurer(style)),
    );
    const lines = Math.max(1, ...cells.map((c) => c.length));
    const notes = row.footnoteRefs.map((ref) => ctx.footnote(ref.number)).filter((n): n is FootnoteBlock => n !== undefined);
    return { cells, height: lines * style.leading + 2 * PAD, header, notes };
  });

  // A table should not start with only its header at a page bottom.
  ctx.flow.ensure((laidOut[0]?.height ?? 0) + (laidOut[1]?.height ?? 0));
  laidOut.forEach((row, r) => {
    const page = placeRow(row, widths, ctx);
    ctx.placed(rows[r]!, page);
  });
  ctx.flow.space(SPACING.tableAfter);
}

/** Rows this tall may be split over two pages rather than leave a half-empty page behind. */
const SPLIT_MIN_LINES = 5;
const SPLIT_MIN_LINES_HERE = 3;

/** Places a row, splitting a tall one across pages; returns the page where it starts. */
function placeRow(row: LaidOutRow, widths: readonly number[], ctx: TableContext): number {
  const style = row.header ? STYLES.tableHeader : STYLES.tableCell;
  const total = Math.max(1, ...row.cells.map((c) => c.length));
  let from = 0;
  let firstPage: number | undefined;
  while (from < total) {
    const notes = from === 0 ? row.notes : [];
    const fitting = Math.floor((ctx.flow.spaceLeft(notes) - 2 * PAD) / style.leading);
    const left = total - from;
    let take = left;
    if (left > fitting) {
      const splittable = total >= SPLIT_MIN_LINES && fitting >= SPLIT_MIN_LINES_HERE;
      if (!splittable && !ctx.flow.atPageTop()) {
        ctx.flow.breakPage();
        continue;
      }
      // At a page top the row takes what the page holds (at least a line), and goes on overleaf.
      take = Math.max(1, fitting);
    }
    const { top, page } = ctx.flow.place(take * style.leading + 2 * PAD, notes);
    firstPage ??= page;
    drawRow(row, widths, top, take * style.leading + 2 * PAD, from, from + take, ctx);
    from += take;
  }
  return firstPage ?? ctx.flow.page;
}

/** Draws lines [from, to) of every cell of the row in a box of `height` at `top`. */
function drawRow(row: LaidOutRow, widths: readonly number[], top: number, height: number, from: number, to: number, ctx: TableContext): void {
  const style = row.header ? STYLES.tableHeader : STYLES.tableCell;
  let x = PAGE.marginLeft;
  widths.forEach((width, c) => {
    const { doc } = ctx;
    doc.save().lineWidth(0.5).strokeColor(COLORS.tableGrid);
    if (row.header) doc.rect(x, top, width, height).fillAndStroke(COLORS.tableHeader, COLORS.tableGrid);
    else doc.rect(x, top, width, height).stroke();
    doc.restore();
    (row.cells[c] ?? []).slice(from, to).forEach((line, i) => {
      ctx.painter.paintLine(line, x + PAD, top + PAD + i * style.leading + style.leading * 0.78, style);
    });
    x += width;
  });
}
