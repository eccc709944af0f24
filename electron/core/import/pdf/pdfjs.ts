import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * pdf.js for Node: the legacy build runs without DOM globals. Loaded lazily so that
 * modules importing the import feature do not pay for pdf.js until a PDF is opened.
 */
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= withNativeBuiltins(async () => {
    // In Node pdf.js runs its "worker" on the same thread; loading that half here, where
    // the built-ins are guarded, and handing it over saves pdf.js importing it later.
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  });
  return loaded;
}

/**
 * The legacy build carries core-js, which replaces built-ins that the engine already has
 * but that fail one of its spec checks in Node 20: `Array.prototype.push`, `JSON.parse` and
 * `JSON.stringify` become JavaScript versions, for the whole process. Measured: 4x slower
 * pushes and 3.6x slower JSON round trips after pdf.js loads, which cost every later import,
 * store write and search. pdf.js needs none of the edge cases they fix (arrays longer than
 * 2^32, `JSON.rawJSON`), so the natives are put back; the polyfills that add what Node lacks
 * (`Promise.withResolvers`, `Map.prototype.getOrInsert`, …) stay.
 */
async function withNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const push = Array.prototype.push;
  const { parse, stringify } = JSON;
  try {
    return await load();
  } finally {
    restore(Array.prototype, 'push', push);
    restore(JSON, 'parse', parse);
    restore(JSON, 'stringify', stringify);
  }
}

function restore<T extends object, K extends keyof T>(owner: T, key: K, native: T[K]): void {
  if (owner[key] === native) return;
  Object.defineProperty(owner, key, { value: native, writable: true, configurable: true, enumerable: false });
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
