import type { ExtractedMetadata, PdfExtraction } from '../types.js';
import { guessLanguage } from '../language.js';
import { fitOcrSizes } from '../ocr/ocr-segments.js';
import { assemblePassages, type ReadyPage } from './assemble-passages.js';
import { splitFootnoteZone } from './footnote-zone.js';
import { collectVocabulary } from './join-lines.js';
import { readFirstPage, type PdfInfo } from './metadata.js';
import { pdfMetadata } from '../metadata/pdf-metadata.js';
import { findPageFurniture, type PageSegments } from './page-furniture.js';
import { keptLineWords } from './body-vocabulary.js';
import { orderPage, type PlacedSegment } from './reading-order.js';
import { learnBodyStyle } from './text-style.js';

/** What the file says about itself: its info dictionary and XMP metadata. */
export interface PdfFileMetadata {
  info: PdfInfo;
  xmp: Record<string, string | string[]>;
}

export type PdfStructure = Pick<PdfExtraction, 'metadata' | 'pageCount' | 'hasTextLayer' | 'passages' | 'footnotes'>;

/**
 * Turns the line segments of every page into the document's passages: furniture removed,
 * body type learnt, pages put in reading order, footnote zones split off, passages
 * assembled, and title and authors read from the info dictionary or the first page.
 * `bodyWords`, when the pages' readers gathered them (`BodyVocabulary`), are the words of
 * every line outside the pages' margins, which then need not be collected here.
 */
export function structurePdf(pages: PageSegments[], fileMeta: PdfFileMetadata, fileName: string, pageCount: number, bodyWords?: Iterable<string>): PdfStructure {
  const hasTextLayer = pages.some((p) => p.segments.some((s) => /[\p{L}\p{N}]/u.test(s.text)));
  // Copyright lines, ISBNs and DOIs sit on the first pages, often in what furniture removal drops.
  const firstPages = pages.slice(0, 2).map((p) => ({ page: p.page, lines: p.segments.map((s) => s.text) }));
  if (!hasTextLayer) {
    return {
      metadata: { ...pdfMetadata({ fileName, ...fileMeta, firstPage: { authors: [], page: 1 }, pages: [] }), language: 'en' },
      pageCount,
      hasTextLayer,
      passages: [],
      footnotes: [],
    };
  }
  const furniture = findPageFurniture(pages);
  const clean = pages.map((p) => ({ ...p, segments: p.segments.filter((s) => !furniture.has(s)) }));
  // The body type is learnt from the pages with a text layer when there are any: OCR'd
  // pages are then fitted to it, so a scanned page among them reads as their body text.
  const textSegments = clean.flatMap((p) => p.segments.filter((s) => !s.ocr));
  const body = learnBodyStyle(textSegments.length > 0 ? textSegments : clean.flatMap((p) => p.segments));
  fitOcrSizes(clean.flatMap((p) => p.segments), body);
  const vocabulary = bodyWords ? keptLineWords(bodyWords, pages, furniture) : collectVocabulary(clean.flatMap((p) => p.segments.map((s) => s.text)));
  const ready: ReadyPage[] = clean.map((p) => {
    if (!isOcrPage(p)) return { page: p.page, ...splitFootnoteZone(orderPage(p.segments, p.height, body), body.size, p.height) };
    // The footnote zone is the small print at the bottom of the page as a whole (an OCR'd
    // page's bands are its paragraphs, and a band of small print alone is never a zone).
    const ordered = ocrOrder(p);
    const split = splitFootnoteZone(ordered.map((placed) => ({ ...placed, band: 0 })), body.size, p.height);
    const kept = new Set(split.body.map((placed) => placed.segment));
    return { page: p.page, ...split, body: ordered.filter((placed) => kept.has(placed.segment)) };
  });

  const firstPage = ready[0];
  const fromPage = firstPage
    ? readFirstPage(firstPage.body.map((b) => b.segment), clean[0]!.height, body.size)
    : { titleLines: [], authors: [], authorLines: [] };
  const described = pdfMetadata({ fileName, ...fileMeta, firstPage: { ...fromPage, page: firstPage?.page ?? 1 }, pages: firstPages });
  const title = described.title;
  const { passages, footnotes } = assemblePassages(ready, {
    body,
    vocabulary,
    title,
    titleLines: new Set(fromPage.titleLines),
    authorLines: new Set(fromPage.authorLines),
  });
  const metadata: ExtractedMetadata = { ...described, language: guessLanguage(passages.map((p) => p.text).join(' ')) };
  return { metadata, pageCount, hasTextLayer, passages, footnotes };
}

function isOcrPage(page: PageSegments): boolean {
  return page.segments.length > 0 && page.segments.every((s) => s.ocr);
}

/** OCR'd pages keep tesseract's reading order; each of its paragraphs is a band of its own. */
function ocrOrder(page: PageSegments): PlacedSegment[] {
  return page.segments.map((segment) => ({ segment, column: 0, band: segment.ocr!.paragraph }));
}
