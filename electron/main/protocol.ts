import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentSecurityPolicy, contentTypeFor, resolveAssetPath } from '../core/assets/resolve-asset';
import type { AssetRoots } from '../core/assets/resolve-asset';
import { appScheme } from './security';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves app://workbench/... from the renderer build, resources/ and imported documents. */
export function serveAppScheme(roots: AssetRoots): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const path = url.host === 'workbench' ? resolveAssetPath(url.pathname, roots) : undefined;
    if (!path) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(path);
      return new Response(body, {
        headers: { 'content-type': contentTypeFor(path), 'content-security-policy': contentSecurityPolicy },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
