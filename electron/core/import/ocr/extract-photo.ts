import PDFDocument from 'pdfkit';
import { WorkbenchError } from '../../api/errors.js';
import { throwIfCancelled } from '../cancellation.js';
import { finishExtraction } from '../pdf/extract-pdf.js';
import type { PageSegments } from '../pdf/page-furniture.js';
import { structurePdf } from '../pdf/structure-pdf.js';
import type { PdfExtraction } from '../types.js';
import { LazyOcr } from './lazy-ocr.js';
import type { OcrSetup } from './ocr-engine.js';
import { ocrSegments } from './ocr-segments.js';
import { textLayerOf, type OcrTextLayerPage } from './ocr-types.js';
import { photoPages, type PhotoFormat, type PhotoPage } from './page-images.js';

export interface PhotoExtraction extends PdfExtraction {
  /** A PDF with one page per picture, so the reader shows the photo with its recognised text over it. */
  displayPdf: Uint8Array;
}

export interface ExtractPhotoOptions {
  fileName: string;
  ocr?: OcrSetup;
  signal?: AbortSignal;
  onProgress?(page: number, total: number, recognising?: boolean): void;
}

/** A photographed page (JPEG, PNG, or a TIFF of one or more pages) read by OCR, like a scanned PDF page. */
export async function extractPhoto(bytes: Uint8Array, format: PhotoFormat, options: ExtractPhotoOptions): Promise<PhotoExtraction> {
  const { fileName, signal } = options;
  if (!options.ocr) {
    throw new WorkbenchError('UNSUPPORTED', `“${fileName}” is a picture: its text can only be read by OCR, which is switched off for this import. Import it with OCR on.`, { fileName });
  }
  const pictures = photoPages(bytes, format, fileName);
  const ocr = new LazyOcr(options.ocr);
  try {
    const pages: PageSegments[] = [];
    const textLayers: OcrTextLayerPage[] = [];
    for (const picture of pictures) {
      throwIfCancelled(signal, fileName);
      options.onProgress?.(picture.page, pictures.length, true);
      const text = await ocr.recognize(picture);
      pages.push({ page: picture.page, width: picture.width, height: picture.height, segments: ocrSegments(text) });
      if (text.paragraphs.length > 0) textLayers.push(textLayerOf(text));
      options.onProgress?.(picture.page, pictures.length);
    }
    const structure = structurePdf(pages, { info: {}, xmp: {} }, fileName, pictures.length);
    return { ...finishExtraction(structure, { unreadable: [], textLayers }, ocr), displayPdf: await picturesAsPdf(pictures, fileName) };
  } finally {
    await ocr.close();
  }
}

function picturesAsPdf(pictures: PhotoPage[], fileName: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: fileName, Producer: 'Field Workbench (photo import)' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  for (const picture of pictures) {
    doc.addPage({ size: [picture.width, picture.height], margin: 0 });
    doc.image(Buffer.from(picture.picture), 0, 0, { width: picture.width, height: picture.height });
  }
  doc.end();
  return done;
}
