/**
 * What OCR found on one page, in the page's own coordinates: points from the top-left
 * corner, as the PDF view lays the page out. Confidence is tesseract's, 0-100.
 */
export interface OcrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  confidence: number;
}

export interface OcrLine {
  words: OcrWord[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Baseline height at the line's middle. */
  baseline: number;
  /** tesseract's row height (x-height plus ascenders): steadier than the box, which grows with descenders. */
  rowHeight: number;
}

export interface OcrPageText {
  page: number;
  width: number;
  height: number;
  /** Paragraphs as tesseract's layout analysis found them, in its reading order. */
  paragraphs: OcrLine[][];
  /** Mean word confidence over the page. */
  confidence: number;
}

/** The words of one OCR'd page, kept for the PDF view's text layer: [text, x0, y0, x1, y1, confidence]. */
export interface OcrTextLayerPage {
  page: number;
  width: number;
  height: number;
  words: Array<[string, number, number, number, number, number]>;
}

export function textLayerOf(page: OcrPageText): OcrTextLayerPage {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    page: page.page,
    width: round(page.width),
    height: round(page.height),
    words: page.paragraphs.flatMap((lines) =>
      lines.flatMap((line) => line.words.map((w): [string, number, number, number, number, number] => [w.text, round(w.x0), round(w.y0), round(w.x1), round(w.y1), Math.round(w.confidence)])),
    ),
  };
}
