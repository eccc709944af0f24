import type { PageViewport } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import type { OcrTextLayer } from '../../../../electron/core/api/methods/import';

/** Words on one line overlap vertically by at least this share of the shorter one. */
const SAME_LINE = 0.5;

/**
 * A scanned page's recognised words as the text content pdf.js would have given, so the
 * text layer, find and highlights work on scans as on any page. Boxes come in points from
 * the page's top-left; the viewport (scale 1) turns them into PDF coordinates, rotation and
 * offset included. A word followed by another on its line carries the space between them.
 */
export function ocrTextContent(layer: OcrTextLayer, viewport: PageViewport): TextContent {
  const items: TextItem[] = layer.words.map((word, i) => {
    const next = layer.words[i + 1];
    const sameLine = next !== undefined && next.x > word.x && overlap(word, next) >= Math.min(word.height, next.height) * SAME_LINE;
    const [x, baseline] = viewport.convertToPdfPoint(word.x, word.y + word.height * 0.8) as [number, number];
    return {
      str: sameLine ? `${word.text} ` : word.text,
      dir: 'ltr',
      width: sameLine ? next!.x - word.x : word.width,
      height: word.height,
      transform: [word.height, 0, 0, word.height, x, baseline],
      fontName: 'ocr',
      hasEOL: !sameLine,
    };
  });
  return { items, styles: { ocr: { fontFamily: 'sans-serif', ascent: 0.8, descent: -0.2, vertical: false } }, lang: null };
}

function overlap(a: { y: number; height: number }, b: { y: number; height: number }): number {
  return Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
}
