import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface SpreadsheetCell {
  /** The formula LibreOffice stored for the cell, if it read one (`of:=1+1`). */
  formula?: string;
  /** What the cell shows. */
  text: string;
}

function decodeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Opens a CSV in LibreOffice Calc (headless, Debian package libreoffice-calc-nogui) the way
 * a user's double-click does (comma-separated, UTF-8), saves it as flat OpenDocument and
 * reads back each cell: its formula, if Calc made one, and its text.
 */
export function openCsvInLibreOffice(csv: string): SpreadsheetCell[][] {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-calc-'));
  try {
    writeFileSync(join(dir, 'sheet.csv'), csv, 'utf8');
    const result = spawnSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--infilter=Text - txt - csv (StarCalc):44,34,76,1',
        '--convert-to',
        'fods',
        '--outdir',
        dir,
        join(dir, 'sheet.csv'),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (result.error) throw new Error(`LibreOffice is needed to check CSV exports (apt-get install libreoffice-calc-nogui): ${result.error.message}`);
    const fods = readFileSync(join(dir, 'sheet.fods'), 'utf8');
    return [...fods.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map(([, row]) =>
      [...row!.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].flatMap(([, attributes, content]) => {
        const formula = /table:formula="([^"]*)"/.exec(attributes!)?.[1];
        const text = [...(content ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map(([, p]) => decodeXml(p!.replace(/<[^>]+>/g, ''))).join('\n');
        const cell: SpreadsheetCell = formula === undefined ? { text } : { formula: decodeXml(formula), text };
        // Calc writes a run of like cells (empty ones, say) once with a repeat count; a
        // run that fills the rest of the row (1024 columns and more) ends the row's data.
        const repeated = Number(/table:number-columns-repeated="(\d+)"/.exec(attributes!)?.[1] ?? 1);
        return repeated > 256 ? [] : Array.from({ length: repeated }, () => ({ ...cell }));
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
