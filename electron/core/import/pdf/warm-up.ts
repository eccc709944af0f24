import { readFile } from 'node:fs/promises';
import { readFileMetadata } from './extract-pdf.js';
import { openPdf } from './open-pdf.js';
import { savePdfJsCodeCache } from './pdfjs.js';
import { readPdfPages } from './read-pages.js';
import { structurePdf } from './structure-pdf.js';

export interface WarmUpInput {
  /**
   * A real PDF to warm up on (one of the bundled papers: embedded subset fonts, compressed
   * content, hex-coded text, as most PDFs people import are made); without one, or when it
   * cannot be read, a small PDF made here in the standard fonts.
   */
  samplePdf?: string;
}

/**
 * A PDF worker's warm-up before an import needs it: pdf.js loaded, and a PDF read a few
 * times, so that the per-glyph code of pdf.js's text extraction and our own layout code are
 * compiled and optimised when the user's file arrives (a new worker read a book's first
 * pages five times slower than its later ones). A real PDF also gets font programs, their
 * character maps and compressed streams read (the book's import after a warm-up on the
 * made-up PDF took half again as long as with workers an import had used).
 */
export async function warmUp(input: WarmUpInput = {}): Promise<null> {
  const sample = typeof input.samplePdf === 'string' ? await readFile(input.samplePdf).catch(() => undefined) : undefined;
  const bytes = sample ? new Uint8Array(sample.buffer, sample.byteOffset, sample.byteLength) : warmUpPdf();
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    const { doc, task } = await openPdf(bytes, 'warm-up.pdf');
    try {
      const pages = Array.from({ length: Math.min(doc.numPages, SAMPLE_PAGES) }, (_, i) => i + 1);
      const read = await readPdfPages(doc, pages, { fileName: 'warm-up.pdf' });
      structurePdf(read.pages, await readFileMetadata(doc), 'warm-up.pdf', doc.numPages);
    } finally {
      await task.destroy().catch(() => undefined);
    }
  }
  savePdfJsCodeCache();
  return null;
}

/** Pages of the sample read in each round (a bundled paper has five or six). */
const SAMPLE_PAGES = 6;


const WARM_UP_PAGES = 4;
const WARM_UP_ROUNDS = 5;

const HEADINGS = ['Introduction', 'Police and the northern municipalities', 'Trust in institutions', 'Recommendations'];
const SENTENCES = [
  'The assessment draws on interviews with officials, police officers and residents of the northern municipalities.',
  'Cooperation between the institutions improved after the agreement, although implementation remained uneven.',
  'Survey respondents reported higher trust in local police than in the central government (see Table 2).',
  'Recommendations address the government, international partners and civil society organisations in turn.',
];

/** A plain report of a few pages (a heading, justified body lines, a page number), in the standard Helvetica fonts. */
export function warmUpPdf(): Uint8Array {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1: catalog, 2: pages, 3: body font, 4: heading font; then a page and its content per page.
  const firstPage = 5;
  for (let p = 0; p < WARM_UP_PAGES; p++) {
    const lines: string[] = [`BT /F2 14 Tf 72 760 Td (${p + 1} ${HEADINGS[p % HEADINGS.length]}) Tj ET`];
    for (let l = 0; l < 46; l++) {
      // A short line now and then ends a paragraph.
      const sentence = l % 7 === 6 ? 'in turn.' : SENTENCES[(l + p) % SENTENCES.length]!;
      lines.push(`BT /F1 10 Tf 72 ${736 - l * 13.5} Td (${sentence.slice(0, 90).replace(/[()\\]/g, '')}) Tj ET`);
    }
    lines.push(`BT /F1 9 Tf 300 40 Td (${p + 1}) Tj ET`);
    const content = lines.join('\n');
    const pageId = firstPage + p * 2;
    pageIds.push(pageId);
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  }
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${WARM_UP_PAGES} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
