import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { createCore } from '../core/core';
import { hostPdfExport } from '../core/drafts/handlers/host-pdf-export';
import type { Core } from '../core/core';
import { forwardEvents, handleIpc } from './ipc';
import { registerAppScheme, serveAppScheme } from './protocol';
import { printHtmlWithElectron } from './print';
import { appOrigin, guardWebContents, lockDownSession, openExternalLink } from './security';

// main holds only what must touch Electron; everything else is core.
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
const outDir = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = join(outDir, 'renderer');
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
    console.error(error);
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

async function start(): Promise<void> {
  const workspaceDir = join(app.getPath('userData'), 'workspace');
  lockDownSession();
  serveAppScheme({ rendererDir, resourcesDir, workspaceDir });
  core = await createCore({
    workspaceDir,
    resourcesDir,
    holder: 'the Field Workbench app',
    hostHandlers: {
      'app.openExternal': ({ url }) => openExternalLink(url),
      'drafts.exportPdf': hostPdfExport(() => {
        if (!core) throw new Error('The workbench is closing.');
        return core.dispatch;
      }, printHtmlWithElectron),
      'import.pickFiles': async ({ multiple }) => {
        const options: Electron.OpenDialogOptions = {
          title: 'Import documents',
          properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
          filters: [{ name: 'PDFs, transcripts and Word documents', extensions: ['pdf', 'txt', 'md', 'markdown', 'docx'] }],
        };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return { paths: result.canceled ? [] : result.filePaths };
      },
    },
  });
  handleIpc(core);
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Field Workbench',
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  forwardEvents(core, mainWindow.webContents);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(`${appOrigin}/index.html`);
}
