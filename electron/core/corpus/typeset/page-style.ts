/**
 * Geometry and type sizes of the corpus PDFs: A4, one column, a calm serif page.
 * All lengths are PDF points (1/72 inch), y measured from the top of the page as pdfkit does.
 */

export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginLeft: 72,
  marginRight: 72,
  /** Body text starts below the running header. */
  bodyTop: 78,
  /** Body text (and footnotes) end above the page number. */
  bodyBottom: 780,
  headerBaseline: 48,
  headerRuleY: 56,
  footerBaseline: 808,
} as const;

export const BODY_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** Font keys registered with pdfkit (see fonts.ts). */
export type FontKey = 'serif' | 'serifBold' | 'serifItalic' | 'condensed' | 'condensedBold';

export interface TextStyle {
  font: FontKey;
  size: number;
  /** Baseline-to-baseline distance. */
  leading: number;
  color: string;
}

export const COLORS = {
  text: '#1a1a1a',
  muted: '#5a5a5a',
  link: '#1f4e8c',
  rule: '#9a9a9a',
  tableHeader: '#ececec',
  tableGrid: '#8c8c8c',
} as const;

export const STYLES = {
  body: { font: 'serif', size: 10, leading: 14.5, color: COLORS.text },
  quote: { font: 'serifItalic', size: 9.5, leading: 13.5, color: COLORS.text },
  footnote: { font: 'serif', size: 7.5, leading: 10, color: COLORS.text },
  tableCell: { font: 'condensed', size: 8, leading: 10.5, color: COLORS.text },
  tableHeader: { font: 'condensedBold', size: 8, leading: 10.5, color: COLORS.text },
  runningHeader: { font: 'serifItalic', size: 8, leading: 10, color: COLORS.muted },
  pageNumber: { font: 'serif', size: 8.5, leading: 10, color: COLORS.muted },
  titleMain: { font: 'serifBold', size: 22, leading: 28, color: COLORS.text },
  titleSub: { font: 'serifItalic', size: 13, leading: 18, color: COLORS.text },
  titleAuthors: { font: 'serif', size: 12, leading: 17, color: COLORS.text },
  titleDetail: { font: 'serif', size: 10, leading: 14, color: COLORS.text },
  titleNote: { font: 'serifItalic', size: 8, leading: 11, color: COLORS.muted },
} as const satisfies Record<string, TextStyle>;

/** Headings shrink with depth; level 4 and deeper share the smallest style. */
export function headingStyle(level: number): TextStyle {
  if (level <= 1) return { font: 'serifBold', size: 15, leading: 19, color: COLORS.text };
  if (level === 2) return { font: 'serifBold', size: 12.5, leading: 16.5, color: COLORS.text };
  if (level === 3) return { font: 'serifBold', size: 11, leading: 15, color: COLORS.text };
  return { font: 'serifItalic', size: 10.5, leading: 14.5, color: COLORS.text };
}

/** Space above and below blocks; headings get more above than below so they bind to their text. */
export const SPACING = {
  paragraphAfter: 6,
  listItemAfter: 3,
  listIndent: 16,
  quoteIndent: 24,
  headingBefore: (level: number) => (level <= 1 ? 18 : level === 2 ? 14 : 10),
  headingAfter: 6,
  /** A heading is moved to the next page unless this many body lines fit under it. */
  headingKeepLines: 3,
  tableAfter: 10,
  tableCellPadding: 3,
  footnoteRuleGap: 16,
  footnoteGap: 2,
  /** Superscript markers: size relative to the text, raise relative to the text size. */
  superscriptScale: 0.62,
  superscriptRise: 0.38,
} as const;
