import { app, session, shell } from 'electron';
import type { WebContents } from 'electron';

export const appScheme = 'app';
export const appHost = 'workbench';
export const appOrigin = `${appScheme}://${appHost}`;

/** Offline by construction: only the app's own protocol (and devtools) may load anything. */
export function lockDownSession(): void {
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${appOrigin}/`) || details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** No navigation away from the app, no new windows, no webviews. */
export function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${appOrigin}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Only after the renderer asked the user; only http(s). */
export async function openExternalLink(url: string): Promise<{ opened: boolean }> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { opened: false };
  await shell.openExternal(parsed.toString());
  return { opened: true };
}
