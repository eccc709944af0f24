import { buildAtoms } from './inline-atoms';
import { BODY_WIDTH, COLORS, PAGE, STYLES } from './page-style';
import type { TextPainter } from './text-painter';

/** The title up to its colon: "From Crisis Management to Stability and Integration: Navigating…" loses its second half. */
export function shortTitle(title: string): string {
  const head = title.split(/:\s/)[0]!.trim();
  return head.length > 0 ? head : title.trim();
}

function fitted(painter: TextPainter, text: string, maxWidth: number): string {
  const { font, size } = STYLES.runningHeader;
  if (painter.widthOf(text, font, size) <= maxWidth) return text;
  const words = text.split(/\s+/);
  while (words.length > 1 && painter.widthOf(`${words.join(' ')} …`, font, size) > maxWidth) words.pop();
  return `${words.join(' ')} …`;
}

/**
 * Running header (short title) and page number on every page after the title page. Drawn at
 * the end, over the buffered pages, when the page count is known.
 */
export function drawPageFurniture(doc: PDFKit.PDFDocument, painter: TextPainter, title: string): void {
  const { start, count } = doc.bufferedPageRange();
  const header = fitted(painter, shortTitle(title), BODY_WIDTH);
  for (let index = 1; index < count; index++) {
    doc.switchToPage(start + index);
    painter.paintLine(buildAtoms(header), PAGE.marginLeft, PAGE.headerBaseline, STYLES.runningHeader, 'center', BODY_WIDTH);
    doc
      .save()
      .moveTo(PAGE.marginLeft, PAGE.headerRuleY)
      .lineTo(PAGE.width - PAGE.marginRight, PAGE.headerRuleY)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke()
      .restore();
    painter.paintLine(buildAtoms(String(index + 1)), PAGE.marginLeft, PAGE.footerBaseline, STYLES.pageNumber, 'center', BODY_WIDTH);
  }
}
