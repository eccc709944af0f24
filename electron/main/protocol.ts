import { protocol } from 'electron';
import { answerAssetRequest, assetNotFound } from '../core/assets/resolve-asset';
import type { AssetRoots } from '../core/assets/resolve-asset';
import { appHost, appScheme } from './security';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves app://workbench/... from the renderer build, resources/ and imported documents
 * (core decides which file, refusing anything whose real path leaves those folders).
 */
export function serveAppScheme(roots: AssetRoots): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const answer = url.host === appHost ? await answerAssetRequest(url.pathname, roots, request.headers.get('range')) : assetNotFound();
    return new Response(answer.body as BodyInit, { status: answer.status, headers: answer.headers });
  });
}
