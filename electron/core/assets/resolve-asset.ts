import { readFile, realpath, stat } from 'node:fs';
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
  status: 200 | 400 | 404;
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

/** The whole answer to a request of the app's origin; every answer carries the CSP. */
export async function answerAssetRequest(urlPath: string, roots: AssetRoots): Promise<AssetResponse> {
  const resolution = await resolveAsset(urlPath, roots);
  if (resolution.status !== 200) return refusal(resolution.status);
  const body = await new Promise<Uint8Array | undefined>((done) => readFile(resolution.path, (error, data) => done(error ? undefined : data)));
  if (!body) return refusal(404);
  return { status: 200, headers: { ...securityHeaders(), 'content-type': contentTypeFor(resolution.path) }, body };
}

const contentTypes: Record<string, string> = {
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
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
