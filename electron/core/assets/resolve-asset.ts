import { extname, join, normalize, sep } from 'node:path';

/**
 * Maps a URL path of the app's own origin to a file: the built renderer, the bundled
 * resources (corpus PDFs, pdf.js assets) or an imported document's folder. Anything that
 * would leave those folders resolves to nothing. Shared by the Electron protocol handler
 * and the end-to-end test server so both serve exactly the same files.
 */
export interface AssetRoots {
  rendererDir: string;
  resourcesDir: string;
  workspaceDir: string;
}

function inside(root: string, relative: string): string | undefined {
  const decoded = decodeURIComponent(relative);
  if (decoded.includes('\0')) return undefined;
  const full = normalize(join(root, decoded));
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined;
}

export function resolveAssetPath(urlPath: string, roots: AssetRoots): string | undefined {
  const path = urlPath.split(/[?#]/)[0] ?? '/';
  if (path.startsWith('/resources/')) return inside(roots.resourcesDir, path.slice('/resources/'.length));
  if (path.startsWith('/workspace/documents/')) return inside(join(roots.workspaceDir, 'documents'), path.slice('/workspace/documents/'.length));
  return inside(roots.rendererDir, path === '/' ? 'index.html' : path.slice(1));
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
