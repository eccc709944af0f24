import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { inflateSync, brotliDecompressSync } from 'node:zlib';
import { defaultCacheDir } from '../../paths.js';
import { loadScriptModule, type ScriptModule } from '../../workers/script-module.js';

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
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await loadWorkerHalf();
    // Only on our own worker threads, where no other code shares the global.
    if (!isMainThread) installSyncDecompression();
    return loadDisplayHalf();
  });
  return loaded;
}

/**
 * pdf.js as loaded on extraction worker threads: run as scripts started from a code cache
 * (see `workers/script-module.ts`), which a fresh worker's first import writes and every
 * later worker, in this process or the next, starts from. The main thread imports pdf.js
 * as modules and caches nothing.
 */
const scriptModules: ScriptModule[] = [];

function pdfJsBuildFile(name: string): string {
  return path.join(pdfJsRoot(), 'legacy', 'build', name);
}

async function asCachedScript(source: string, file: string, name: string): Promise<Record<string, unknown> | undefined> {
  if (isMainThread) return undefined;
  const loaded = await loadScriptModule({ source, url: pathToFileURL(file).href, name, cacheDir: defaultCacheDir() }).catch(() => undefined);
  if (loaded) scriptModules.push(loaded);
  return loaded?.exports;
}

async function loadDisplayHalf(): Promise<PdfJs> {
  const file = pdfJsBuildFile('pdf.mjs');
  const source = isMainThread ? undefined : await readFile(file, 'utf8').catch(() => undefined);
  const exports = source === undefined ? undefined : await asCachedScript(source, file, 'pdfjs-display');
  if (exports && typeof exports.getDocument === 'function') return exports as PdfJs;
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/**
 * Saves the code caches pdf.js was started without (the first worker after an install or an
 * upgrade), once it has read pages, so they hold the code reading pages compiles.
 */
export function savePdfJsCodeCache(): void {
  for (const module of scriptModules) module.saveCache();
}

/**
 * Fixes applied to pdf.js's worker half as it is loaded, each only where its exact code is
 * found once; if any is missing (another pdf.js), pdf.js is loaded as it is and
 * `tests/unit/import/pdfjs-patch.test.ts` fails, so an upgrade cannot drop them silently.
 *
 * - `TEXT_STATE_CLONE`: the text extraction copies its text state at every `q` and font
 *   change with `Object.assign(Object.create(this), this)`: each copy has the state it was
 *   copied from as its prototype, so every copy gets a hidden class of its own and the
 *   per-glyph code that reads it (`getCurrentTextTransform`, `compareWithLastPosition`)
 *   never stays optimised. Copying onto a fresh `TextState` gives the same own fields (the
 *   constructor sets every field, `Object.assign` copies them all) with one shape for all
 *   states: 30 % off `getTextContent` on a 297-page book.
 * - `STABLE_FONT_NAME`: a font's name in the text content (`fontName`, which tells the body
 *   font from a heading's) was numbered in the order fonts were first met, so two workers
 *   reading different pages of one PDF named the same font differently, and a document read
 *   by several workers could come out unlike the same one read by one (tracemonkey's bold
 *   headings on the helper's pages read as body text). A font that is a PDF object is now
 *   named after its object number, the same in every worker; inline fonts keep the count.
 * - `TEXT_TRANSFORM_INLINE`: the text extraction works out each glyph's position
 *   (`getCurrentTextTransform`, called per glyph by `compareWithLastPosition`) as two calls
 *   of the shared `Util.transform`, which every matrix in pdf.js goes through (arrays of
 *   small integers, of doubles, typed arrays), so it ran as generic code and allocated an
 *   array it threw away; on a 297-page book it was the costliest function of the import.
 *   The same products and sums, in the same order, written out at this one place: the
 *   same numbers, about a third less CPU reading the book's pages.
 */
export const TEXT_STATE_CLONE = {
  from: 'const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix = this.textMatrix.slice();',
  to: 'const clone = Object.assign(new TextState(), this);\n    clone.textMatrix = this.textMatrix.slice();',
};

export const STABLE_FONT_NAME = {
  from: 'font.loadedName = `${this.idFactory.getDocId()}_${fontID}`;',
  to: 'font.loadedName = `${this.idFactory.getDocId()}_${fontRefIsRef ? `r${fontRef.num}_${fontRef.gen}` : fontID}`;',
};

export const TEXT_TRANSFORM_INLINE = {
  from: '      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));',
  to: '      const m = textState.textMatrix, c = textState.ctm;\n' +
    '      const t0 = m[0] * tsm[0] + m[2] * tsm[1], t1 = m[1] * tsm[0] + m[3] * tsm[1], t2 = m[0] * tsm[2] + m[2] * tsm[3], t3 = m[1] * tsm[2] + m[3] * tsm[3], t4 = m[0] * tsm[4] + m[2] * tsm[5] + m[4], t5 = m[1] * tsm[4] + m[3] * tsm[5] + m[5];\n' +
    '      return [c[0] * t0 + c[2] * t1, c[1] * t0 + c[3] * t1, c[0] * t2 + c[2] * t3, c[1] * t2 + c[3] * t3, c[0] * t4 + c[2] * t5 + c[4], c[1] * t4 + c[3] * t5 + c[5]];',
};

const PATCHES = [TEXT_STATE_CLONE, STABLE_FONT_NAME, TEXT_TRANSFORM_INLINE];

/** The worker half's source with every fix applied, or undefined when one is not found exactly once. */
export function patchWorkerSource(source: string): string | undefined {
  let patched = source;
  for (const { from, to } of PATCHES) {
    const at = patched.indexOf(from);
    if (at < 0 || patched.indexOf(from, at + 1) >= 0) return undefined;
    patched = patched.slice(0, at) + to + patched.slice(at + from.length);
  }
  return patched.includes('class TextState {') ? patched : undefined;
}

export function pdfJsWorkerPath(): string {
  return pdfJsBuildFile('pdf.worker.mjs');
}

async function loadWorkerHalf(): Promise<unknown> {
  const source = await readFile(pdfJsWorkerPath(), 'utf8').catch(() => undefined);
  const patched = source === undefined ? undefined : patchWorkerSource(source);
  if (patched === undefined) return import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const exports = await asCachedScript(patched, pdfJsWorkerPath(), 'pdfjs-worker');
  if (exports && typeof exports.WorkerMessageHandler === 'function') return exports;
  // The module imports nothing by a relative path, so it loads the same from a data: URL
  // (its WebAssembly decoders are found through the `wasmUrl` option, not its own address).
  return import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(patched).toString('base64')}`);
}

/**
 * pdf.js inflates streams through `DecompressionStream`, whose web-stream plumbing in Node
 * costs more than the inflating (about 8 % of a text-only book). On an extraction worker
 * thread it is replaced by one that inflates at once with zlib, with a ceiling on the output;
 * any failure (a truncated or damaged stream) rejects as the real one does, and pdf.js then
 * reads the stream with its own decoder, which recovers what it can.
 */
function installSyncDecompression(): void {
  const MAX_OUTPUT = 256 * 1024 * 1024;
  class InflateAtOnce {
    readonly writable: { getWriter(): { ready: Promise<void>; write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
    readonly readable: AsyncIterable<Uint8Array>;
    constructor(format: string) {
      const decode = format === 'deflate' ? inflateSync : format === 'brotli' ? brotliDecompressSync : undefined;
      if (!decode) throw new TypeError(`unsupported format ${format}`);
      const chunks: Uint8Array[] = [];
      this.writable = {
        getWriter: () => ({
          ready: Promise.resolve(),
          write: (chunk) => {
            chunks.push(chunk);
            return Promise.resolve();
          },
          close: () => Promise.resolve(),
        }),
      };
      this.readable = {
        async *[Symbol.asyncIterator]() {
          const out = decode(Buffer.concat(chunks), { maxOutputLength: MAX_OUTPUT });
          yield new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
        },
      };
    }
  }
  (globalThis as { DecompressionStream?: unknown }).DecompressionStream = InflateAtOnce;
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
  const root = pdfJsRoot();
  const dir = (name: string) => path.join(root, name) + path.sep;
  return { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts') };
}

function pdfJsRoot(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pdfjs-dist/package.json'));
}
