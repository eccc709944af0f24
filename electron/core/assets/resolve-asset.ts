import { close, open, read, readFile, realpath, stat } from 'node:fs';
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';

/**
 * Maps a URL of the app's own origin to a file: the built renderer, the bundled resources
 * (corpus PDFs, pdf.js assets) or an imported document's folder. Shared by the Electron
 * protocol handler and the end-to-end test server so both serve exactly the same files.
 *
 * A file is served only when its *real* path (every symlink followed) is inside the real
 * path of its root: a symlink inside a root that points elsewhere is refused, as is any
 * `..` or encoded separator that would climb out. Bad percent-encoding is a 400, not a
 * throw. (The check and the read are two steps; someone who can rewrite the app's own
 * folders between them could race it, and could change the app anyway.)
 */
export interface AssetRoots {
  rendererDir: string;
  resourcesDir: string;
  workspaceDir: string;
}

export type AssetResolution = { status: 200; path: string } | { status: 400 | 404; reason: string };

// The callback forms of fs: Electron's asar support patches them for files inside app.asar.
const realPath = (path: string) => new Promise<string | undefined>((done) => realpath(path, (error, resolved) => done(error ? undefined : resolved)));
const isFile = (path: string) => new Promise<boolean>((done) => stat(path, (error, stats) => done(!error && stats.isFile())));

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot !== '' && !fromRoot.startsWith(`..${sep}`) && fromRoot !== '..' && !isAbsolute(fromRoot);
}

function routeOf(urlPath: string, roots: AssetRoots): { root: string; encoded: string } {
  if (urlPath.startsWith('/resources/')) return { root: roots.resourcesDir, encoded: urlPath.slice('/resources/'.length) };
  if (urlPath.startsWith('/workspace/documents/')) return { root: join(roots.workspaceDir, 'documents'), encoded: urlPath.slice('/workspace/documents/'.length) };
  return { root: roots.rendererDir, encoded: urlPath === '/' ? 'index.html' : urlPath.slice(1) };
}

/** Resolves a URL path (still percent-encoded, as `URL.pathname` gives it) to a file to serve. */
export async function resolveAsset(urlPath: string, roots: AssetRoots): Promise<AssetResolution> {
  const { root, encoded } = routeOf(urlPath.split(/[?#]/)[0] || '/', roots);
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return { status: 400, reason: 'The address is not valid percent-encoding.' };
  }
  if (decoded.includes('\0')) return { status: 400, reason: 'The address contains a NUL character.' };
  const lexical = normalize(join(root, decoded));
  if (!isInside(root, lexical)) return { status: 404, reason: 'Outside the folders the app serves.' };
  const [realRoot, realFile] = await Promise.all([realPath(root), realPath(lexical)]);
  if (!realRoot || !realFile) return { status: 404, reason: 'No such file.' };
  if (!isInside(realRoot, realFile)) return { status: 404, reason: 'The file leads outside the folders the app serves.' };
  if (!(await isFile(realFile))) return { status: 404, reason: 'Not a file.' };
  return { status: 200, path: realFile };
}

export interface AssetResponse {
  status: 200 | 206 | 400 | 404 | 416;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

function refusal(status: 400 | 404): AssetResponse {
  return { status, headers: { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' }, body: status === 400 ? 'Bad request' : 'Not found' };
}

function securityHeaders(): Record<string, string> {
  return { 'content-security-policy': contentSecurityPolicy, 'x-content-type-options': 'nosniff' };
}

/** What a request for something the app does not serve (another host, say) gets. */
export const assetNotFound = (): AssetResponse => refusal(404);

/**
 * The whole answer to a request of the app's origin; every answer carries the CSP. A
 * `Range` header (the media element sends one to play and to seek a recording) gets that
 * part of the file only, so a long recording is never read whole.
 */
export async function answerAssetRequest(urlPath: string, roots: AssetRoots, range?: string | null): Promise<AssetResponse> {
  const resolution = await resolveAsset(urlPath, roots);
  if (resolution.status !== 200) return refusal(resolution.status);
  return range ? answerRange(resolution.path, range) : answerWhole(resolution.path);
}

/** The most one answer to an open-ended range carries; the media element asks on for the rest. */
export const MAX_RANGE_BYTES = 8 * 1024 * 1024;

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` over a file of `size` bytes; undefined when not satisfiable. */
export function parseByteRange(header: string, size: number): { start: number; end: number } | 'whole' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges at once (multipart answers) are not worth it here: the whole file is valid too.
  if (!match) return header.includes(',') ? 'whole' : undefined;
  const [, from, to] = match;
  if (from === '' && to === '') return undefined;
  if (from === '') {
    const suffix = Math.min(Number(to), size);
    return suffix === 0 ? undefined : { start: size - suffix, end: size - 1 };
  }
  const start = Number(from);
  if (start >= size) return undefined;
  const end = to === '' ? Math.min(size - 1, start + MAX_RANGE_BYTES - 1) : Math.min(Number(to), size - 1);
  return end < start ? undefined : { start, end };
}

async function answerRange(path: string, header: string): Promise<AssetResponse> {
  const size = await new Promise<number | undefined>((done) => stat(path, (error, stats) => done(error ? undefined : stats.size)));
  if (size === undefined) return refusal(404);
  const range = parseByteRange(header, size);
  const type = { 'content-type': contentTypeFor(path), 'accept-ranges': 'bytes' };
  if (range === undefined) {
    return { status: 416, headers: { ...securityHeaders(), ...type, 'content-range': `bytes */${size}` }, body: '' };
  }
  if (range === 'whole') return answerWhole(path);
  const length = range.end - range.start + 1;
  const body = await new Promise<Uint8Array | undefined>((done) =>
    open(path, 'r', (error, fd) => {
      if (error) return done(undefined);
      const buffer = Buffer.alloc(length);
      readSlice(fd, buffer, range.start, (ok) => done(ok ? buffer : undefined));
    }),
  );
  if (!body) return refusal(404);
  return { status: 206, headers: { ...securityHeaders(), ...type, 'content-range': `bytes ${range.start}-${range.end}/${size}`, 'content-length': String(length) }, body };
}

/** Reads until the buffer is full (a read may return less), then closes the file. */
function readSlice(fd: number, buffer: Buffer, position: number, done: (ok: boolean) => void, offset = 0): void {
  read(fd, buffer, offset, buffer.length - offset, position + offset, (error, bytesRead) => {
    if (error || bytesRead === 0) return close(fd, () => done(!error && offset === buffer.length));
    if (offset + bytesRead < buffer.length) return readSlice(fd, buffer, position, done, offset + bytesRead);
    close(fd, () => done(true));
  });
}

async function answerWhole(path: string): Promise<AssetResponse> {
  const body = await new Promise<Uint8Array | undefined>((done) => readFile(path, (error, data) => done(error ? undefined : data)));
  if (!body) return refusal(404);
  return { status: 200, headers: { ...securityHeaders(), 'content-type': contentTypeFor(path), ...(isMedia(path) ? { 'accept-ranges': 'bytes' } : {}) }, body };
}

function isMedia(path: string): boolean {
  return /^(audio|video)\//.test(contentTypeFor(path));
}

const contentTypes: Record<string, string> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The app's Content Security Policy: nothing but its own origin, no remote anything. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // Imported recordings play from the app's own origin.
  "media-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
