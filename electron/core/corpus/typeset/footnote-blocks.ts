import type { Footnote } from '../schema';
import { buildFootnoteAtoms } from './inline-atoms';
import { breakLines, type Line } from './line-breaker';
import type { NoteBlock } from './page-flow';
import { BODY_WIDTH, COLORS, PAGE, STYLES } from './page-style';
import type { TextPainter } from './text-painter';

export interface FootnoteBlock extends NoteBlock {
  lines: Line[];
}

/** Footnote numbers hang in a narrow column so the note texts align. */
const NUMBER_COLUMN = 12;

export function prepareFootnote(note: Footnote, painter: TextPainter): FootnoteBlock {
  const [label, ...body] = buildFootnoteAtoms(note.number, note.text, note.urls);
  const bodyLines = breakLines(body, BODY_WIDTH - NUMBER_COLUMN, painter.measurer(STYLES.footnote));
  // The number goes in front of the first line; it is drawn separately in the hanging column.
  const lines = bodyLines.length > 0 ? bodyLines : [[]];
  lines[0] = [label!, ...lines[0]!];
  return { number: note.number, lines, height: lines.length * STYLES.footnote.leading };
}

/** Draws notes in the page's footnote area, under a short rule. */
export function drawFootnotes(doc: PDFKit.PDFDocument, painter: TextPainter, notes: readonly FootnoteBlock[], top: number, gap: number): void {
  const ruleY = top - 7;
  doc.save().moveTo(PAGE.marginLeft, ruleY).lineTo(PAGE.marginLeft + 120, ruleY).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();
  let y = top;
  const style = STYLES.footnote;
  for (const note of notes) {
    note.lines.forEach((line, i) => {
      const baseline = y + style.leading * 0.8;
      if (i === 0) {
        const [label, ...rest] = line;
        painter.paintLine([label!], PAGE.marginLeft, baseline, style);
        painter.paintLine(rest, PAGE.marginLeft + NUMBER_COLUMN, baseline, style);
      } else {
        painter.paintLine(line, PAGE.marginLeft + NUMBER_COLUMN, baseline, style);
      }
      y += style.leading;
    });
    y += gap;
  }
}
