import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkbenchError } from '../../api/errors';

/**
 * Core cannot print: turning HTML into PDF takes a browser engine. Whoever hosts core
 * passes a printer — the Electron shell uses its window's printToPDF, the test harness
 * Playwright's Chromium, the CLI a local headless Chromium.
 */
export type HtmlPrinter = (html: string) => Promise<Uint8Array>;

export async function printHtmlToPdf(html: string, print: HtmlPrinter): Promise<Uint8Array> {
  const pdf = await print(html);
  // A printer that fails quietly must not hand the user a file that is not a PDF.
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new WorkbenchError('INTERNAL', 'Printing the draft did not produce a PDF file.');
  }
  return pdf;
}

/** Where a headless Chromium is expected on Linux; `WORKBENCH_CHROMIUM` points elsewhere. */
export function localChromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidate = env.WORKBENCH_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * Prints with `chromium --headless --print-to-pdf`, from a temporary folder that is removed
 * afterwards. The HTML export's own CSP forbids every request, and the flags keep Chromium
 * from calling home, so printing stays offline.
 */
export function chromiumCliPrinter(executable: string): HtmlPrinter {
  return async (html) => {
    const dir = await mkdtemp(join(tmpdir(), 'workbench-print-'));
    try {
      const input = join(dir, 'draft.html');
      const output = join(dir, 'draft.pdf');
      await writeFile(input, html, 'utf8');
      const args = [
        '--headless',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${output}`,
        pathToFileURL(input).href,
      ];
      // Chromium refuses to start as root unless its sandbox is off (containers, CI).
      if (process.getuid?.() === 0) args.unshift('--no-sandbox');
      await new Promise<void>((resolve, reject) => {
        execFile(executable, args, { timeout: 120_000 }, (error, _stdout, stderr) => {
          if (error) reject(new WorkbenchError('IO', `Chromium could not print the draft: ${String(stderr).trim().split('\n').pop() || error.message}`));
          else resolve();
        });
      });
      return new Uint8Array(await readFile(output));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
