import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createCore } from '../../electron/core/core';
import type { Core } from '../../electron/core/core';
import { answerAssetRequest } from '../../electron/core/assets/resolve-asset';
import { hostPdfExport } from '../../electron/core/drafts/handlers/host-pdf-export';

export const repoRoot = resolve(import.meta.dirname, '../..');
// Another build can be served instead (e.g. an older one, to see a new test fail on it).
const rendererDir = process.env.WORKBENCH_RENDERER_DIR ? resolve(process.env.WORKBENCH_RENDERER_DIR) : join(repoRoot, 'out/renderer');
const resourcesDir = join(repoRoot, 'resources');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The app without Electron: the built renderer served on 127.0.0.1, `window.workbench`
 * bound to the same dispatch function main's IPC handler uses, over a real core on a
 * fresh temporary workspace. Every request the page makes is recorded; anything not
 * from the local server is a failure (the app must never touch the network).
 */
export interface RunningApp {
  page: Page;
  core: Core;
  origin: string;
  workspaceDir: string;
  /** Requests to anything but the local server. Expected to stay empty. */
  foreignRequests: string[];
  /** Console errors and uncaught page errors. */
  pageErrors: string[];
  /** Calls to host-only methods the Electron shell would handle (e.g. app.openExternal). */
  hostCalls: Array<{ method: string; args: unknown }>;
  /** What the fake file dialog (import.pickFiles) answers next; emptied when it opens. */
  pickedFiles: string[];
  /** What the fake bundle dialogs (team.saveBundleDialog, team.openBundleDialog) answer, first in first out; empty: cancelled. */
  bundleDialogPaths: string[];
  goto(hash: string): Promise<void>;
  close(): Promise<void>;
}

/** What the preload exposes in the app, built on the binding the harness adds. */
const bridgeScript = `
(() => {
  const listeners = new Map();
  const invoke = window.__workbenchInvoke;
  Object.defineProperty(window, 'workbench', {
    value: Object.freeze({
      invoke: (method, args) => invoke(method, args),
      subscribe: (channel, listener) => {
        const set = listeners.get(channel) || new Set();
        set.add(listener);
        listeners.set(channel, set);
        return () => set.delete(listener);
      },
    }),
  });
  Object.defineProperty(window, '__workbenchEmit', {
    value: (channel, payload) => (listeners.get(channel) || new Set()).forEach((listener) => listener(payload)),
  });
})();
`;

let browser: Browser | undefined;

export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

function serve(roots: { rendererDir: string; resourcesDir: string; workspaceDir: string }): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (request, response) => {
    // The same answers the app:// handler gives, file for file and header for header.
    const answer = await answerAssetRequest(new URL(request.url ?? '/', 'http://127.0.0.1').pathname, roots, request.headers.range);
    response.writeHead(answer.status, { ...answer.headers, 'cache-control': 'no-store' });
    response.end(answer.body);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

export async function startApp(
  options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark'; workspaceDir?: string; /** Leave the user unnamed, so the app asks who works here. */ firstRun?: boolean } = {},
): Promise<RunningApp> {
  const workspaceDir = options.workspaceDir ?? (await mkdtemp(join(tmpdir(), 'workbench-e2e-')));
  const ownsWorkspace = !options.workspaceDir;
  const hostCalls: RunningApp['hostCalls'] = [];
  const pickedFiles: string[] = [];
  const bundleDialogPaths: string[] = [];
  // Set once Chromium is up; the PDF printer (as the shell's printToPDF) prints in a page of its own.
  let browserContext: BrowserContext | undefined;
  // The system keychain, as the shell keeps the sync login: here, in memory.
  let syncLogin: { username: string; password: string } | undefined;
  const core: Core = await createCore({
    workspaceDir,
    resourcesDir,
    holder: 'the end-to-end harness',
    syncCredentials: async () => syncLogin,
    hostHandlers: {
      'team.saveSyncLogin': ({ username, password }) => {
        hostCalls.push({ method: 'team.saveSyncLogin', args: { username } });
        syncLogin = { username, password };
        return { username };
      },
      'team.syncLogin': () => ({ username: syncLogin?.username ?? null }),
      'app.openExternal': ({ url }) => {
        hostCalls.push({ method: 'app.openExternal', args: { url } });
        return { opened: true };
      },
      'team.saveBundleDialog': ({ suggestedName }) => {
        hostCalls.push({ method: 'team.saveBundleDialog', args: { suggestedName } });
        return { path: bundleDialogPaths.shift() ?? null };
      },
      'team.openBundleDialog': () => {
        hostCalls.push({ method: 'team.openBundleDialog', args: {} });
        return { path: bundleDialogPaths.shift() ?? null };
      },
      'import.pickFiles': ({ multiple }) => {
        hostCalls.push({ method: 'import.pickFiles', args: { multiple } });
        return { paths: pickedFiles.splice(0) };
      },
      'drafts.exportPdf': hostPdfExport(
        () => core.dispatch,
        async (html) => {
          hostCalls.push({ method: 'drafts.exportPdf', args: { htmlBytes: html.length } });
          const printPage = await browserContext!.newPage();
          try {
            await printPage.setContent(html);
            return new Uint8Array(await printPage.pdf({ format: 'A4', printBackground: true }));
          } finally {
            await printPage.close();
          }
        },
      ),
    },
  });
  // A workspace whose user has named themselves, as after the first run, unless the test is about the first run.
  if (!options.firstRun && !core.workspace.readOnly && ownsWorkspace) await core.dispatch('app.setUser', { name: 'Test Researcher', id: 'test-researcher' });
  const { server, origin } = await serve({ rendererDir, resourcesDir, workspaceDir });
  const context: BrowserContext = await (await launchBrowser()).newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    deviceScaleFactor: 1,
  });
  browserContext = context;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  // Abort anything not local, and remember it so the test fails.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  await context.exposeBinding('__workbenchInvoke', async ({ frame }, method: unknown, args: unknown) => {
    // As main does: only the app's own top frame may call.
    if (frame.parentFrame() !== null || !frame.url().startsWith(`${origin}/`)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Refused: the request did not come from the app window.' } };
    }
    return core.dispatch(method, args);
  });
  // Plain JavaScript as a string: a function would be rewritten by the TypeScript loader
  // (tsx adds helpers such as __name that do not exist in the page).
  await context.addInitScript({ content: bridgeScript });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  core.subscribeAll((channel, payload) => {
    void page
      .evaluate(([name, value]) => (window as unknown as { __workbenchEmit: (c: string, p: unknown) => void }).__workbenchEmit(name as string, value), [channel, payload] as const)
      .catch(() => {});
  });

  return {
    page,
    core,
    origin,
    workspaceDir,
    foreignRequests,
    pageErrors,
    hostCalls,
    pickedFiles,
    bundleDialogPaths,
    async goto(hash: string) {
      await page.goto(`${origin}/index.html${hash}`);
    },
    async close() {
      await context.close();
      await new Promise((done) => server.close(done));
      await core.close();
      if (ownsWorkspace) await rm(workspaceDir, { recursive: true, force: true });
    },
  };
}
