import { deflateSync, crc32 } from 'node:zlib';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { imageSize } from 'image-size';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import UTIF from 'utif';
import { WorkbenchError } from '../../api/errors.js';
import type { PageImage } from './ocr-engine.js';

/** Scans are read at 300 dpi, the resolution tesseract is tuned for. */
const OCR_DPI = 300;
/** A rendered page is kept under this many pixels (a poster-sized page is read at a lower dpi). */
const MAX_PIXELS = 40_000_000;
/** An A4 sheet in points: photos are laid out on one, the way they would be printed. */
const SHEET = { short: 595.28, long: 841.89 };

/**
 * A PDF page drawn as tesseract's input. pdf.js draws it (onto @napi-rs/canvas, the canvas
 * pdf.js itself uses in Node), so whatever the scan is made of (one image, tiles, masks,
 * JBIG2, a rotation) comes out as the page looks; the word boxes then map back to the page
 * by one scale factor.
 */
export async function renderPdfPage(page: PDFPageProxy, dpi = OCR_DPI): Promise<PageImage> {
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(dpi / 72, Math.sqrt(MAX_PIXELS / Math.max(1, base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
  return { image: greyPgm(canvas), page: page.pageNumber, width: base.width, height: base.height, pointsPerPixel: 1 / scale };
}

export type PhotoFormat = 'jpeg' | 'png' | 'tiff';

/** A photographed page: the image for OCR, and the picture (JPEG or PNG) that shows it. */
export interface PhotoPage extends PageImage {
  picture: Uint8Array;
}

/** Phones take 12-50 megapixel photos; more than this is no photo of a page. */
const MAX_PHOTO_PIXELS = 80_000_000;

/**
 * The pages of a photo (a TIFF may hold several), each laid out on an A4 sheet turned to
 * the picture's orientation. Nothing here decodes pictures natively: a damaged JPEG or PNG
 * crashed the native canvas decoder (and with it the whole process), so tesseract's own
 * decoder, sandboxed in WebAssembly, reads JPEG and PNG, and TIFF is decoded in JavaScript.
 */
export function photoPages(bytes: Uint8Array, format: PhotoFormat, fileName: string): PhotoPage[] {
  if (format === 'tiff') return tiffPages(bytes, fileName);
  let size;
  try {
    size = imageSize(bytes);
  } catch (error) {
    throw unreadablePhoto(fileName, (error as Error).message);
  }
  // EXIF orientations 5-8 turn the picture a quarter: tesseract and the PDF view both apply them.
  const turned = (size.orientation ?? 1) >= 5;
  const width = turned ? size.height : size.width;
  const height = turned ? size.width : size.height;
  checkPixels(width, height, fileName);
  return [{ ...onSheet(1, width, height), image: bytes, picture: bytes }];
}

function tiffPages(bytes: Uint8Array, fileName: string): PhotoPage[] {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const directories = UTIF.decode(buffer).filter((ifd) => Number((ifd.t256 as number[] | undefined)?.[0]) > 0);
    if (directories.length === 0) throw new Error('it holds no image');
    return directories.map((ifd, index) => {
      checkPixels(Number((ifd.t256 as number[])[0]), Number((ifd.t257 as number[] | undefined)?.[0] ?? 0), fileName);
      UTIF.decodeImage(buffer, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      return { ...onSheet(index + 1, ifd.width, ifd.height), image: rgbaToPgm(rgba, ifd.width, ifd.height), picture: rgbaToPng(rgba, ifd.width, ifd.height) };
    });
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw unreadablePhoto(fileName, (error as Error).message);
  }
}

function checkPixels(width: number, height: number, fileName: string): void {
  if (!(width > 0 && height > 0)) throw unreadablePhoto(fileName, 'it has no size');
  if (width * height > MAX_PHOTO_PIXELS) {
    throw new WorkbenchError('UNSUPPORTED', `“${fileName}” is ${width}×${height} pixels, more than the ${MAX_PHOTO_PIXELS / 1_000_000} megapixels a photographed page may have. Scale it down and import it again.`, { fileName });
  }
}

/** Where a picture of this many pixels lies on an A4 sheet turned its way, filling its width or height. */
function onSheet(page: number, width: number, height: number): Omit<PageImage, 'image'> {
  const landscape = width > height;
  const pointsPerPixel = Math.min((landscape ? SHEET.long : SHEET.short) / width, (landscape ? SHEET.short : SHEET.long) / height);
  return { page, width: width * pointsPerPixel, height: height * pointsPerPixel, pointsPerPixel };
}

function rgbaToPgm(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii');
  const out = new Uint8Array(header.length + width * height);
  out.set(header, 0);
  for (let i = 0, j = header.length; i < rgba.length; i += 4, j++) out[j] = greyOf(rgba, i);
  return out;
}

/** A plain RGB PNG (each row unfiltered, deflated), for pdfkit to embed. */
function rgbaToPng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0, o = 0; y < height; y++) {
    rows[o++] = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      rows[o++] = rgba[i]!;
      rows[o++] = rgba[i + 1]!;
      rows[o++] = rgba[i + 2]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** The canvas as an 8-bit grey PGM: tesseract reads it directly, with nothing to encode or decode. */
function greyPgm(canvas: Canvas): Uint8Array {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii');
  const out = new Uint8Array(header.length + width * height);
  out.set(header, 0);
  for (let i = 0, j = header.length; i < rgba.length; i += 4, j++) out[j] = greyOf(rgba, i);
  return out;
}

/** The grey of the RGBA pixel at `i`; transparent pixels are paper. */
function greyOf(rgba: ArrayLike<number>, i: number): number {
  const alpha = rgba[i + 3]!;
  const grey = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
  return alpha === 255 ? grey : 255 - (((255 - grey) * alpha) >> 8);
}

function unreadablePhoto(fileName: string, detail: string): WorkbenchError {
  return new WorkbenchError('CORRUPT', `“${fileName}” could not be read as an image (${detail}). It may be damaged; open it in an image viewer and save it again as JPEG or PNG.`, { fileName });
}
