import type { CorpusDocument } from '../schema';
import { isYearSupplied } from '../../metadata/provenance';
import { buildAtoms } from './inline-atoms';
import { breakLines } from './line-breaker';
import { BODY_WIDTH, COLORS, PAGE, STYLES, type TextStyle } from './page-style';
import type { TextPainter } from './text-painter';

/** Said on every title page unless the document's own note says it already. */
export const TYPESET_NOTE =
  'This PDF was typeset from the source text by Field Workbench. Its pages do not reproduce the layout or page numbers of the original publication.';

/** Draws centred, wrapped lines from `top` and returns the y below them. */
function centred(painter: TextPainter, text: string, top: number, style: TextStyle, width = BODY_WIDTH): number {
  const lines = breakLines(buildAtoms(text), width, painter.measurer(style));
  const x = PAGE.marginLeft + (BODY_WIDTH - width) / 2;
  lines.forEach((line, i) => painter.paintLine(line, x, top + i * style.leading + style.leading * 0.78, style, 'center', width));
  return top + lines.length * style.leading;
}

/** The title page: title block in the upper third, publication details low, the note at the foot. */
export function drawTitlePage(doc: PDFKit.PDFDocument, painter: TextPainter, document: CorpusDocument): void {
  let y = 190;
  y = centred(painter, document.title, y, STYLES.titleMain, BODY_WIDTH - 40);
  if (document.subtitle) y = centred(painter, document.subtitle, y + 10, STYLES.titleSub, BODY_WIDTH - 60);
  y += 28;
  doc.save().moveTo(PAGE.width / 2 - 40, y).lineTo(PAGE.width / 2 + 40, y).lineWidth(0.75).strokeColor(COLORS.rule).stroke().restore();
  y += 26;
  if (document.authors.length > 0) y = centred(painter, document.authors.join(', '), y, STYLES.titleAuthors);
  if (document.editors.length > 0) y = centred(painter, `Edited by ${document.editors.join(', ')}`, y + 4, STYLES.titleDetail);

  let low = 540;
  if (document.publishers.length > 0) {
    low = centred(painter, 'Published by', low, STYLES.titleNote) + 2;
    for (const publisher of document.publishers) low = centred(painter, publisher, low, STYLES.titleDetail);
    low += 8;
  }
  // A year the paper does not print is given the way a cataloguer supplies one: in brackets.
  if (document.year !== undefined) low = centred(painter, isYearSupplied(document) ? `[${document.year}]` : String(document.year), low, STYLES.titleDetail) + 2;
  if (document.isbn) centred(painter, `ISBN ${document.isbn}`, low, STYLES.titleDetail);

  // The document's own note replaces the standard one when it already says who typeset it.
  const notes = !document.note ? [TYPESET_NOTE] : /Field Workbench/.test(document.note) ? [document.note] : [TYPESET_NOTE, document.note];
  let foot = 712;
  doc.save().moveTo(PAGE.marginLeft, foot - 8).lineTo(PAGE.width - PAGE.marginRight, foot - 8).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();
  for (const note of notes) foot = centred(painter, note, foot, STYLES.titleNote) + 3;
}
