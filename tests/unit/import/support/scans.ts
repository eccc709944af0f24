import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import { kosovoReport } from './kosovo-report.js';
import { typesetReport } from './report-pdf.js';

const run = promisify(execFile);

/**
 * A real scan made at test time: page 1 of the typeset Kosovo report, drawn by poppler's
 * pdftoppm into a JPEG (or PNG) as a scanner would, at `dpi`.
 */
export async function scannedReportPage(format: 'jpeg' | 'png' = 'jpeg', dpi = 150): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fw-scan-'));
  try {
    const report = await typesetReport(kosovoReport);
    const pdf = path.join(dir, 'report.pdf');
    await fs.writeFile(pdf, report.bytes);
    await run('pdftoppm', ['-f', '1', '-l', '1', '-r', String(dpi), `-${format}`, '-singlefile', pdf, path.join(dir, 'page')]);
    return new Uint8Array(await fs.readFile(path.join(dir, `page.${format === 'jpeg' ? 'jpg' : 'png'}`)));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export type ScanPdfPage = { scan: Uint8Array } | { text: string[] };

/**
 * A PDF whose pages are scans (an image and no text, as a scanner without OCR makes them)
 * or typed text, in the order given: a mixed document when both kinds are there.
 */
export function pdfOfPages(pages: ScanPdfPage[]): Promise<Uint8Array> {
  const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 64, info: { Title: 'Field notes with a scanned page' } });
  doc.registerFont('body', path.join(fontDir, 'DejaVuSans.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  for (const page of pages) {
    doc.addPage();
    if ('scan' in page) {
      doc.image(Buffer.from(page.scan), 0, 0, { width: doc.page.width, height: doc.page.height });
    } else {
      doc.font('body').fontSize(10.5);
      for (const paragraph of page.text) doc.text(paragraph, { align: 'left', paragraphGap: 8 });
    }
  }
  doc.end();
  return done;
}
