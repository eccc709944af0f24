// Loads the built main bundle (out/main/index.js) under the fake Electron and plays one
// scenario; prints what it observed as JSON on its last line.
// Usage: node --import ./register-fake-electron.mjs drive-main.mjs <scenario> <config.json>
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [scenario, configFile] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configFile, 'utf8'));
const userData = config.userData ?? mkdtempSync(join(tmpdir(), 'workbench-shell-'));
globalThis.fakeElectronConfig = { userData, appPath: config.repoRoot };
const { record, script, fireReady } = await import('electron');

const appFrame = { url: 'app://workbench/index.html', parent: null };
const fromApp = { senderFrame: appFrame };
const report = { scenario };

async function waitFor(condition, what) {
  for (let i = 0; i < 600; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const invoke = (method, args, event = fromApp) => record.ipcHandle.get('workbench:invoke')(event, method, args);
const errorCode = (answer) => (answer.ok ? 'ok' : answer.error.code);

// Scenario set-up: a workspace the store refuses, before the app starts.
const defaultWorkspace = join(userData, 'workspace');
if (scenario === 'newer-workspace') {
  mkdirSync(defaultWorkspace, { recursive: true });
  writeFileSync(join(defaultWorkspace, 'annotations.json'), JSON.stringify({ schemaVersion: 99, data: { annotations: [] } }));
  script.showMessageBox.push('Quit');
}
if (scenario === 'held-by-another-process') script.showMessageBox.push('Open Read-Only');
let chosenWorkspace;
if (scenario === 'file-as-workspace') {
  writeFileSync(defaultWorkspace, 'not a folder');
  chosenWorkspace = mkdtempSync(join(tmpdir(), 'workbench-chosen-'));
  script.showMessageBox.push('Choose Another Workspace…');
  script.showOpenDialog.push({ canceled: false, filePaths: [chosenWorkspace] });
}

await import(pathToFileURL(join(config.repoRoot, 'out/main/index.js')).href);
report.logBeforeReady = [...record.log];
report.schemes = record.schemes;
fireReady();

if (scenario === 'newer-workspace') {
  await waitFor(() => record.quit > 0, 'the app to quit');
  report.dialogs = record.dialogs;
  report.windows = record.windows.length;
  report.errorBoxes = record.errorBoxes;
  report.exitCodes = record.exitCodes;
  report.log = record.log;
}

if (scenario === 'file-as-workspace') {
  await waitFor(() => record.windows.some((window) => window.loaded.length > 0), 'the window to load');
  report.dialogs = record.dialogs;
  report.chosenWorkspace = chosenWorkspace;
  report.info = await invoke('app.info', {});
  report.errorBoxes = record.errorBoxes;
}

if (scenario === 'held-by-another-process') {
  await waitFor(() => record.windows.some((window) => window.loaded.length > 0), 'the window to load');
  report.dialogs = record.dialogs;
  report.info = await invoke('app.info', {});
  report.title = record.windows[0].title;
  report.save = errorCode(await invoke('drafts.create', { title: 'Not saved' }));
}

if (scenario === 'normal') {
  await waitFor(() => record.windows.some((window) => window.loaded.length > 0), 'the window to load');
  const [mainWindow, ...otherWindows] = record.windows;
  report.log = [...record.log];
  report.window = { options: mainWindow.options, loaded: mainWindow.loaded, otherWindows: otherWindows.length };
  report.preloadExists = existsSync(mainWindow.options.webPreferences.preload);

  // app:// answers: every one with the CSP.
  const handler = record.protocolHandlers.get('app');
  report.protocol = {};
  for (const url of ['app://workbench/index.html', 'app://workbench/', 'app://workbench/%E0%A4%A', 'app://workbench/..%2F..%2Fpackage.json', 'app://elsewhere/index.html', 'app://workbench/resources/corpus/corpus.json']) {
    const response = await handler(new Request(url));
    report.protocol[url] = { status: response.status, csp: response.headers.get('content-security-policy'), type: response.headers.get('content-type') };
  }

  // Network, permissions, navigation, new windows.
  const defaultSession = record.sessions.get('default');
  const cancelled = (url) => new Promise((resolve) => defaultSession.beforeRequest({ url }, (answer) => resolve(answer.cancel)));
  report.requests = {
    'https://example.org/': await cancelled('https://example.org/'),
    'http://127.0.0.1:8080/': await cancelled('http://127.0.0.1:8080/'),
    'file:///etc/passwd': await cancelled('file:///etc/passwd'),
    'app://workbench/index.html': await cancelled('app://workbench/index.html'),
  };
  report.permissions = {
    request: await new Promise((resolve) => defaultSession.permissionRequest(mainWindow.webContents, 'media', resolve)),
    check: defaultSession.permissionCheck(mainWindow.webContents, 'geolocation', 'app://workbench'),
  };
  const contents = mainWindow.webContents;
  const prevented = (eventName, ...args) => {
    let wasPrevented = false;
    contents.emit(eventName, { preventDefault: () => (wasPrevented = true) }, ...args);
    return wasPrevented;
  };
  report.navigation = {
    external: prevented('will-navigate', 'https://evil.example/'),
    fileUrl: prevented('will-navigate', 'file:///etc/passwd'),
    inApp: prevented('will-navigate', 'app://workbench/index.html#/search'),
    redirect: prevented('will-redirect', 'https://evil.example/'),
    webview: prevented('will-attach-webview', {}, {}),
    windowOpen: contents.windowOpenHandler?.({ url: 'https://evil.example/' }),
  };

  // IPC: one channel for calls, one for drop reports; nothing else.
  report.ipc = { handle: [...record.ipcHandle.keys()], on: [...record.ipcOn.keys()] };
  // Every method that opens a file dialog is cancelled (import.pickFiles, team.openBundleDialog).
  script.showOpenDialog.push({ canceled: true, filePaths: [] }, { canceled: true, filePaths: [] });
  report.methods = {};
  for (const method of config.methods) report.methods[method] = errorCode(await invoke(method, {}));
  script.showOpenDialog.length = 0;
  report.unknownMethod = errorCode(await invoke('fs.readFile', { path: '/etc/passwd' }));
  report.fromSubframe = errorCode(await invoke('app.info', {}, { senderFrame: { url: 'app://workbench/index.html', parent: {} } }));
  report.fromOtherOrigin = errorCode(await invoke('app.info', {}, { senderFrame: { url: 'https://evil.example/', parent: null } }));
  report.withoutFrame = errorCode(await invoke('app.info', {}, {}));

  // Paths: only what the dialog returned or a drop reported.
  script.showOpenDialog.push({ canceled: false, filePaths: [config.pdf] });
  const picked = await invoke('import.pickFiles', { multiple: true });
  report.pickDialog = record.dialogs.at(-1);
  report.picked = picked;
  report.importPicked = await invoke('import.file', { path: config.pdf });
  report.importUnpicked = errorCode(await invoke('import.file', { path: config.transcript }));
  record.ipcOn.get('workbench:dropped-files')({ senderFrame: { url: 'https://evil.example/', parent: null } }, [config.transcript]);
  report.importAfterForeignDrop = errorCode(await invoke('import.file', { path: config.transcript }));
  record.ipcOn.get('workbench:dropped-files')(fromApp, [config.transcript]);
  report.importDropped = errorCode(await invoke('import.file', { path: config.transcript }));
  // Bundles: only one chosen in the open dialog may be merged, only where the save dialog said may one be written.
  script.showOpenDialog.push({ canceled: false, filePaths: [config.transcript + '.fwx'] });
  report.bundlePicked = await invoke('team.openBundleDialog', {});
  report.mergePicked = errorCode(await invoke('team.mergeBundle', { file: config.transcript + '.fwx' }));
  report.mergeUnpicked = errorCode(await invoke('team.mergeBundle', { file: config.pdf + '.fwx' }));
  const bundleOut = join(userData, 'chosen.fwx');
  script.showSaveDialog.push({ canceled: false, filePath: bundleOut });
  report.bundleSaved = await invoke('team.saveBundleDialog', { suggestedName: 'ana-2026-12-05.fwx' });
  report.saveDialog = record.dialogs.at(-1);
  report.exportChosen = errorCode(await invoke('team.exportBundle', { out: bundleOut }));
  report.exportUnchosen = errorCode(await invoke('team.exportBundle', { out: join(userData, 'elsewhere.fwx') }));
  report.eventsSent = [...new Set(contents.sent.filter(([channel]) => channel === 'workbench:event').map(([, eventChannel]) => eventChannel))];

  // printToPDF the way the core expects: a hidden window on a locked-down session.
  const draft = await invoke('drafts.create', { title: 'Smoke test' });
  const windowsBefore = record.windows.length;
  const pdf = await invoke('drafts.exportPdf', { id: draft.value.id });
  const printWindow = record.windows[windowsBefore];
  const printSession = record.sessions.get(printWindow?.options.webPreferences.session?.name);
  report.print = {
    result: pdf.ok ? { fileName: pdf.value.fileName, mimeType: pdf.value.mimeType } : pdf.error,
    windowOptions: { ...printWindow?.options, webPreferences: { ...printWindow?.options.webPreferences, session: printSession?.name } },
    loaded: printWindow?.loaded.map((url) => url.slice(0, 30)),
    printOptions: printWindow?.webContents.printed,
    destroyed: printWindow?.destroyed,
    sessionCancels: printSession && {
      remote: await new Promise((resolve) => printSession.beforeRequest({ url: 'https://example.org/x.png' }, (answer) => resolve(answer.cancel))),
      data: await new Promise((resolve) => printSession.beforeRequest({ url: 'data:text/html,x' }, (answer) => resolve(answer.cancel))),
    },
  };

  // Quitting closes the core first, then quits.
  const { app } = await import('electron');
  app.quit();
  await waitFor(() => record.quit >= 2, 'the core to close and the app to quit');
  report.quit = record.quit;
  report.workspaceFilesAfterQuit = readdirSync(defaultWorkspace);
}

process.stdout.write(`\n${JSON.stringify(report)}\n`);
process.exit(0);
