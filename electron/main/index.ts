import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { createCore } from '../core/core';
import { hostPdfExport } from '../core/drafts';
import type { Core } from '../core/core';
import { lockWaitFromEnvironment } from '../core/store';
import { forwardEvents, handleIpc } from './ipc';
import { PathGrants } from './path-grants';
import { registerAppScheme, serveAppScheme } from './protocol';
import { printHtmlWithElectron } from './print';
import { appOrigin, guardWebContents, lockDownSession, openExternalLink } from './security';
import { openWithRecovery, type StartupAttempt } from './startup-failure';
import { readSyncLogin, saveSyncLogin } from './sync-login';

// main holds only what must touch Electron; everything else is core.
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
const outDir = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = join(outDir, 'renderer');
const grants = new PathGrants();
let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  guardWebContents();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(start).catch((error: unknown) => {
    // Never exit silently: whatever went wrong is said before the app goes.
    dialog.showErrorBox('Field Workbench could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = undefined;
    void closing.close().finally(() => app.quit());
  });
}

function openCore(attempt: StartupAttempt): Promise<Core> {
  return createCore({
    workspaceDir: attempt.workspaceDir,
    resourcesDir,
    holder: 'the Field Workbench app',
    readOnly: attempt.readOnly,
    // The lock is held per write, so the CLI may write while the app runs; follow its changes.
    watch: true,
    ...(lockWaitFromEnvironment() === undefined ? {} : { lockWaitMs: lockWaitFromEnvironment() }),
    syncCredentials: readSyncLogin,
    hostHandlers: {
      'app.openExternal': ({ url }) => openExternalLink(url),
      'team.saveSyncLogin': ({ username, password }) => saveSyncLogin(username, password),
      'team.syncLogin': async () => ({ username: (await readSyncLogin())?.username ?? null }),
      'drafts.exportPdf': hostPdfExport(() => {
        if (!core) throw new Error('The workbench is closing.');
        return core.dispatch;
      }, printHtmlWithElectron),
      'team.saveBundleDialog': async ({ suggestedName }) => {
        const options: Electron.SaveDialogOptions = {
          title: 'Export my work',
          defaultPath: join(app.getPath('documents'), suggestedName),
          filters: [{ name: 'Field Workbench exchange bundles', extensions: ['fwx'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        };
        const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        if (result.canceled || !result.filePath) return { path: null };
        // The user chose where to write: the renderer may now export there (and only there).
        grants.grant([result.filePath]);
        return { path: result.filePath };
      },
      'team.openBundleDialog': async () => {
        const options: Electron.OpenDialogOptions = { title: "Merge a colleague's bundle", properties: ['openFile'], filters: [{ name: 'Field Workbench exchange bundles', extensions: ['fwx', 'zip'] }] };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        const path = result.canceled ? undefined : result.filePaths[0];
        if (!path) return { path: null };
        grants.grant([path]);
        return { path };
      },
      'import.pickFiles': async ({ multiple }) => {
        const options: Electron.OpenDialogOptions = {
          title: 'Import documents',
          properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
          filters: [
            { name: 'PDFs, transcripts, Word documents, REFI-QDA projects, annotations and references', extensions: ['pdf', 'txt', 'md', 'markdown', 'docx', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'qdpx', 'qdc', 'jsonld', 'json', 'bib', 'ris'] },
            { name: 'REFI-QDA projects and codebooks (NVivo, ATLAS.ti, MAXQDA, QualCoder)', extensions: ['qdpx', 'qdc'] },
            { name: 'References (Zotero, JabRef: BibTeX, RIS, CSL JSON)', extensions: ['bib', 'ris', 'json'] },
          ],
        };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        const paths = result.canceled ? [] : result.filePaths;
        // The user chose these: the renderer may now ask to import them (and only these).
        grants.grant(paths);
        return { paths };
      },
    },
  });
}

async function start(): Promise<void> {
  lockDownSession();
  const opened = await openWithRecovery<Core>(
    { workspaceDir: join(app.getPath('userData'), 'workspace'), readOnly: false },
    {
      open: openCore,
      ask: async (failure) =>
        (
          await dialog.showMessageBox({
            type: failure.type,
            title: failure.title,
            message: failure.message,
            detail: failure.detail,
            buttons: failure.buttons,
            defaultId: failure.defaultId,
            cancelId: failure.cancelId,
            noLink: true,
          })
        ).response,
      chooseFolder: async () => {
        const result = await dialog.showOpenDialog({ title: 'Choose a workspace folder', properties: ['openDirectory', 'createDirectory'] });
        return result.canceled ? undefined : result.filePaths[0];
      },
    },
  );
  if (!opened) {
    app.quit();
    return;
  }
  core = opened.opened;
  serveAppScheme({ rendererDir, resourcesDir, workspaceDir: opened.attempt.workspaceDir });
  handleIpc(core, grants);
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    // The interface is built and checked down to 900×700.
    minWidth: 900,
    minHeight: 700,
    show: false,
    title: 'Field Workbench',
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would otherwise open links in a new window (denied anyway; belt and braces).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  if (opened.attempt.readOnly) {
    // Say so where it is always visible: the page's own title would replace it otherwise.
    mainWindow.on('page-title-updated', (event) => event.preventDefault());
    mainWindow.setTitle('Field Workbench — read-only: changes are not saved');
  }
  forwardEvents(core, mainWindow.webContents);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(`${appOrigin}/index.html`);
}
