import { BrowserWindow, session } from 'electron';

/**
 * Prints a self-contained HTML document (a draft's HTML export) to PDF with Chromium's own
 * printer. The page is shown in a hidden window on its own session that may load nothing
 * but the document itself, with scripts off.
 */
export async function printHtmlWithElectron(html: string): Promise<Uint8Array> {
  const printSession = session.fromPartition('workbench-print');
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { session: printSession, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
  }
}
