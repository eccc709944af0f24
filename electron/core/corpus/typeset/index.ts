import PDFDocument from 'pdfkit';
import type { CorpusDocument, Footnote, Passage, Section } from '../schema';
import { BodyWriter } from './body-writer';
import { documentInfo } from './document-info';
import { drawFootnotes, prepareFootnote, type FootnoteBlock } from './footnote-blocks';
import { loadFonts } from './fonts';
import { OutlineBuilder } from './outline';
import { drawPageFurniture } from './page-furniture';
import { PageFlow } from './page-flow';
import { PAGE, SPACING, type FontKey } from './page-style';
import { readingOrder } from './reading-order';
import { TextPainter } from './text-painter';
import { drawTitlePage } from './title-page';

export interface TypesetInput {
  document: CorpusDocument;
  sections: Section[];
  /** In reading order by `order`; their `page` is ignored and computed here. */
  passages: Passage[];
  footnotes: Footnote[];
}

export interface TypesetResult {
  pdf: Uint8Array;
  pageCount: number;
  /** Page (1-based) where each passage starts. */
  passagePages: Record<string, number>;
  /** Page of each section's heading. */
  sectionPages: Record<string, number>;
  /** Page where each footnote's text is printed. */
  footnotePages: Record<number, number>;
}

export interface TypesetOptions {
  /** Folder holding the DejaVu TTFs; resources/fonts of the checkout by default. */
  fontsDir?: string;
}

export { TYPESET_NOTE } from './title-page';
export { PDF_CREATOR, PDF_PRODUCER } from './document-info';
export { shortTitle } from './page-furniture';

function newPdf(document: CorpusDocument): PDFKit.PDFDocument {
  return new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    // Pages stay in memory so that page numbers and headers can be added once the count is known.
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: document.language,
    displayTitle: true,
    info: documentInfo(document),
  });
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/**
 * Typesets one parsed paper as an A4 PDF: title page, body with page-bottom footnotes, back
 * matter, running headers, page numbers, bookmarks and links. The same input always gives the
 * same bytes. Footnotes that no passage cites are printed as endnotes under "Notes".
 */
export async function typesetDocument(input: TypesetInput, options: TypesetOptions = {}): Promise<TypesetResult> {
  const doc = newPdf(input.document);
  const output = collect(doc);
  const fonts = loadFonts(options.fontsDir);
  for (const [key, buffer] of Object.entries(fonts)) doc.registerFont(key as FontKey, buffer);
  const painter = new TextPainter(doc);

  doc.addPage();
  drawTitlePage(doc, painter, input.document);

  const footnotes = new Map<number, FootnoteBlock>();
  for (const note of [...input.footnotes].sort((a, b) => a.number - b.number)) {
    if (!footnotes.has(note.number)) footnotes.set(note.number, prepareFootnote(note, painter));
  }
  const flow = new PageFlow<FootnoteBlock>(
    {
      addPage: () => doc.addPage(),
      drawNotes: (notes, top) => drawFootnotes(doc, painter, notes, top, SPACING.footnoteGap),
    },
    1,
  );
  const writer = new BodyWriter({ doc, painter, flow, outline: new OutlineBuilder(doc), footnotes });
  const { blocks, footnotePassages } = splitFootnotePassages(input);
  flow.begin();
  for (const block of readingOrder(blocks, input.sections, input.footnotes)) writer.write(block);
  flow.finish();
  drawPageFurniture(doc, painter, input.document.title);

  const pageCount = doc.bufferedPageRange().count;
  doc.end();
  const pdf = await output;

  const footnotePages: Record<number, number> = {};
  for (const [number, page] of flow.footnotePages) footnotePages[number] = page;
  for (const [number, page] of writer.endnotePages) footnotePages[number] ??= page;
  const passagePages = { ...writer.passagePages };
  for (const [id, number] of footnotePassages) {
    const page = footnotePages[number];
    if (page !== undefined) passagePages[id] = page;
  }
  return { pdf, pageCount, passagePages, sectionPages: { ...writer.sectionPages }, footnotePages };
}

/**
 * Passages of kind 'footnote' repeat a footnote's text: they are not drawn twice, their page is
 * the page where that footnote is printed.
 */
function splitFootnotePassages(input: TypesetInput): { blocks: Passage[]; footnotePassages: Map<string, number> } {
  const footnotePassages = new Map<string, number>();
  const numbers = new Set(input.footnotes.map((f) => f.number));
  const byText = new Map(input.footnotes.map((f) => [f.text.trim(), f.number]));
  const blocks = input.passages.filter((p) => {
    if (p.kind !== 'footnote') return true;
    const leading = /^\s*(\d+)\b/.exec(p.text);
    const number = byText.get(p.text.trim()) ?? (leading && numbers.has(Number(leading[1])) ? Number(leading[1]) : undefined);
    if (number === undefined) return true;
    footnotePassages.set(p.id, number);
    return false;
  });
  return { blocks, footnotePassages };
}
