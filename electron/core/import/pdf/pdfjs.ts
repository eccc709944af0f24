import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * pdf.js for Node: the legacy build runs without DOM globals. Loaded lazily so that
 * modules importing the import feature do not pay for pdf.js until a PDF is opened.
 */
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
}

/**
 * CMaps (for CID fonts such as Arabic or CJK) and the standard-14 font metrics ship inside
 * pdfjs-dist; without them pdf.js cannot map some fonts' glyphs to Unicode. In Node pdf.js
 * reads them with fs.readFile, so these are directory paths with a trailing separator,
 * never network URLs.
 */
export function pdfJsResourceDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const dir = (name: string) => path.join(root, name) + path.sep;
  return { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts') };
}
