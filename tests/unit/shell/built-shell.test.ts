import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../electron/core/api/contract';
import { contentSecurityPolicy } from '../../../electron/core/assets/resolve-asset';
import { pathArguments } from '../../../electron/main/path-grants';
import { repoRoot } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { pdfFixtures, transcriptFixtures } from '../import-api/support';

/*
 * The built shell (out/main, out/preload) run in plain Node with `electron` replaced by a
 * recording fake (tests/shell-smoke). Electron itself cannot be downloaded on the test
 * machines; this checks that what `npm run build` produced wires up what every other test
 * takes for granted.
 */
const tempDir = useTempDirs();
const smoke = join(repoRoot, 'tests/shell-smoke');
const mainBundle = join(repoRoot, 'out/main/index.js');
const preloadBundle = join(repoRoot, 'out/preload/index.cjs');

beforeAll(() => {
  if (!existsSync(mainBundle) || !existsSync(preloadBundle)) throw new Error('out/main or out/preload is missing: run `npm run build` (npm test does) first.');
});

type Report = Record<string, any>;

async function driveMain(scenario: string, userData?: string, env: NodeJS.ProcessEnv = process.env): Promise<Report> {
  const config = join(await tempDir(), 'config.json');
  await writeFile(
    config,
    JSON.stringify({
      repoRoot,
      userData,
      methods: Object.keys(contract),
      pdf: join(pdfFixtures, 'alphatrans.pdf'),
      transcript: join(transcriptFixtures, 'focus-group-zubin-potok.md'),
    }),
  );
  const result = spawnSync(process.execPath, ['--import', join(smoke, 'register-fake-electron.mjs'), join(smoke, 'drive-main.mjs'), scenario, config], { encoding: 'utf8', timeout: 90_000, env });
  if (result.status !== 0) throw new Error(`the built main failed in scenario ${scenario}:\n${result.stderr}\n${result.stdout}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Report;
}

describe('the built main process', () => {
  let report: Report;
  beforeAll(async () => {
    report = await driveMain('normal');
  });

  it('registers app:// as privileged before ready, and handles it only after', () => {
    expect(report.logBeforeReady).toContain('protocol.registerSchemesAsPrivileged');
    expect(report.logBeforeReady).not.toContain('protocol.handle:app');
    expect(report.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
    const log = report.log as string[];
    expect(log.indexOf('protocol.handle:app')).toBeGreaterThan(log.indexOf('ready'));
    expect(log.indexOf('session(default).webRequest.onBeforeRequest')).toBeLessThan(log.indexOf('loadURL:app://workbench/index.html'));
    expect(log[0]).toBe('app.requestSingleInstanceLock');
  });

  it('opens one window, hardened, with a preload that exists in out/', () => {
    expect(report.window.otherWindows).toBe(0);
    expect(report.window.loaded).toEqual(['app://workbench/index.html']);
    expect(report.window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: preloadBundle,
    });
    expect(report.preloadExists).toBe(true);
  });

  it('answers app:// with the CSP on every response, 400 for bad encoding, 404 outside its roots or host', () => {
    const statuses = Object.fromEntries(Object.entries(report.protocol as Record<string, { status: number }>).map(([url, answer]) => [url, answer.status]));
    expect(statuses).toEqual({
      'app://workbench/index.html': 200,
      'app://workbench/': 200,
      'app://workbench/%E0%A4%A': 400,
      'app://workbench/..%2F..%2Fpackage.json': 404,
      'app://elsewhere/index.html': 404,
      'app://workbench/resources/corpus/corpus.json': 200,
    });
    for (const answer of Object.values(report.protocol as Record<string, { csp: string }>)) expect(answer.csp).toBe(contentSecurityPolicy);
  });

  it('cancels every request that is not app://, denies permissions, navigation away, redirects, webviews and new windows', () => {
    expect(report.requests).toEqual({ 'https://example.org/': true, 'http://127.0.0.1:8080/': true, 'file:///etc/passwd': true, 'app://workbench/index.html': false });
    expect(report.permissions).toEqual({ request: false, check: false });
    expect(report.navigation).toEqual({ external: true, fileUrl: true, inApp: false, redirect: true, webview: true, windowOpen: { action: 'deny' } });
  });

  it('reaches every contract method through the one IPC channel, and refuses other senders and unknown methods', () => {
    expect(report.ipc).toEqual({ handle: ['workbench:invoke'], on: ['workbench:dropped-files'] });
    // Called with empty arguments: every method answers (usually BAD_REQUEST); methods that
    // take a file path answer FORBIDDEN, the grant check, since no file was chosen yet.
    const unreachable = Object.entries(report.methods as Record<string, string>).filter(
      ([method, code]) => ['UNKNOWN_METHOD', 'INTERNAL'].includes(code) || (code === 'FORBIDDEN' && !(method in pathArguments)),
    );
    expect(unreachable).toEqual([]);
    expect(report.methods['import.file']).toBe('FORBIDDEN');
    expect(Object.keys(report.methods)).toHaveLength(Object.keys(contract).length);
    expect(report.unknownMethod).toBe('UNKNOWN_METHOD');
    expect([report.fromSubframe, report.fromOtherOrigin, report.withoutFrame]).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });

  it('imports only files the user picked in the dialog or dropped on the window', () => {
    expect(report.pickDialog).toMatchObject({ kind: 'open', withParent: true, options: { properties: ['openFile', 'multiSelections'] } });
    expect(report.picked).toEqual({ ok: true, value: { paths: [join(pdfFixtures, 'alphatrans.pdf')] } });
    expect(report.importPicked).toMatchObject({ ok: true, value: { status: 'imported', hasTextLayer: true } });
    expect(report.importUnpicked).toBe('FORBIDDEN');
    expect(report.importAfterForeignDrop).toBe('FORBIDDEN');
    expect(report.importDropped).toBe('ok');
    expect(report.eventsSent).toEqual(expect.arrayContaining(['import.progress', 'library.changed']));
  });

  it('merges and writes bundles only where the user chose in the bundle dialogs', () => {
    expect(report.bundlePicked).toEqual({ ok: true, value: { path: `${join(transcriptFixtures, 'focus-group-zubin-potok.md')}.fwx` } });
    // Granted: the merge runs, and finds no such file (not FORBIDDEN).
    expect(report.mergePicked).toBe('NOT_FOUND');
    expect(report.mergeUnpicked).toBe('FORBIDDEN');
    expect(report.saveDialog).toMatchObject({ kind: 'save', withParent: true, options: { defaultPath: expect.stringMatching(/ana-2026-12-05\.fwx$/), filters: [{ extensions: ['fwx'] }] } });
    expect(report.bundleSaved).toMatchObject({ ok: true, value: { path: expect.stringMatching(/chosen\.fwx$/) } });
    expect(report.exportChosen).toBe('ok');
    expect(report.exportUnchosen).toBe('FORBIDDEN');
  });

  it('prints a draft to PDF in a hidden, script-less window on a session that loads nothing but the page', () => {
    expect(report.print.result).toEqual({ fileName: 'smoke-test.pdf', mimeType: 'application/pdf' });
    expect(report.print.windowOptions).toEqual({ show: false, webPreferences: { session: 'workbench-print', javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' } });
    expect(report.print.loaded).toEqual([expect.stringMatching(/^data:text\/html/)]);
    expect(report.print.printOptions).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }]);
    expect(report.print.destroyed).toBe(true);
    expect(report.print.sessionCancels).toEqual({ remote: true, data: false });
  });

  it('closes the core before quitting', () => {
    expect(report.quit).toBe(2);
    expect(report.workspaceFilesAfterQuit).not.toContain('.workbench.lock');
  });
});

describe('the built main process when the workspace cannot be opened', () => {
  it('a workspace from a newer app: says so in a dialog and quits when asked, without a window', async () => {
    const report = await driveMain('newer-workspace');
    expect(report.dialogs).toHaveLength(1);
    expect(report.dialogs[0].options).toMatchObject({
      title: 'The workspace was saved by a newer Field Workbench',
      message: expect.stringContaining('newer Field Workbench'),
      buttons: ['Choose Another Workspace…', 'Quit'],
      cancelId: 1,
    });
    expect(report.windows).toBe(0);
    expect(report.errorBoxes).toEqual([]);
    expect(report.exitCodes).toEqual([]);
  });

  it('a file where the workspace folder should be: the user chooses another folder and the app opens it', async () => {
    const report = await driveMain('file-as-workspace');
    expect(report.dialogs[0].options).toMatchObject({ title: 'The workspace folder cannot be used', buttons: ['Choose Another Workspace…', 'Quit'] });
    expect(report.dialogs[1]).toMatchObject({ kind: 'open', options: { properties: ['openDirectory', 'createDirectory'] } });
    expect(report.info).toMatchObject({ ok: true, value: { workspace: report.chosenWorkspace, readOnly: false } });
    expect(report.errorBoxes).toEqual([]);
  });
});

describe('the built main process when another process holds the workspace', () => {
  it('says who holds it, and opens read-only when asked: the title says so and nothing is saved', async () => {
    // A real second process holds the store's own write lock (as one stuck mid-write would);
    // the app waits a second for it (WORKBENCH_LOCK_WAIT) instead of the usual thirty.
    const userData = await tempDir();
    const holder = spawn(process.execPath, ['--import', 'tsx', join(smoke, 'hold-workspace.ts'), join(userData, 'workspace')], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
        holder.on('exit', (code) => reject(new Error(`the holder exited (${code})`)));
      });
      const report = await driveMain('held-by-another-process', userData, { ...process.env, WORKBENCH_LOCK_WAIT: '1' });
      expect(report.dialogs[0].options).toMatchObject({
        type: 'warning',
        title: 'The workspace is open in another program',
        message: expect.stringContaining('another Field Workbench (test)'),
        buttons: ['Try Again', 'Open Read-Only', 'Choose Another Workspace…', 'Quit'],
      });
      expect(report.info).toMatchObject({ ok: true, value: { readOnly: true } });
      expect(report.title).toMatch(/read-only/);
      expect(report.save).not.toBe('ok');
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.on('close', resolve));
    }
  });
});

describe('the built preload', () => {
  const preload = () => {
    const result = spawnSync(process.execPath, [join(smoke, 'load-preload.mjs'), preloadBundle], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Report;
  };

  it('is one file that requires only electron', () => {
    expect(readdirSync(join(repoRoot, 'out/preload'))).toEqual(['index.cjs']);
    expect(preload().required).toEqual(['electron']);
  });

  it('exposes invoke and subscribe, nothing else, over the one channel', () => {
    const report = preload();
    expect(report.exposedKeys).toEqual(['workbench']);
    expect(report.apiKeys).toEqual(['invoke', 'subscribe']);
    expect(report.invoked).toEqual([['workbench:invoke', 'search.query', { query: 'vucic' }]]);
    expect(report.invokeAnswer).toEqual({ ok: true, value: 'answer' });
    expect(report.received).toEqual([{ docIds: ['a'] }]);
    expect(report.listenersLeft).toBe(0);
  });

  it('reports the paths of dropped files to main before the page sees the drop', () => {
    const report = preload();
    expect(report.windowListeners).toEqual([{ type: 'drop', capture: true }]);
    expect(report.sent).toEqual([['workbench:dropped-files', ['/home/ana/Desktop/brief.pdf', '/home/ana/Desktop/interview.docx']]]);
  });
});
