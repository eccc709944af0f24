/**
 * The one CSV writer: every CSV the workbench writes goes through `toCsv`.
 *
 * - Quoting as RFC 4180 says: a field holding a comma, a quote or a line break is quoted,
 *   quotes doubled; lines end in CRLF.
 * - Formula injection (CSV injection) neutralised as OWASP describes: a text cell that
 *   begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be read by Excel,
 *   LibreOffice or Google Sheets as a formula (`=HYPERLINK(...)` in a note, or in an
 *   imported file's title), so it is written with a leading apostrophe, which makes the
 *   spreadsheet keep it as text. Numbers are written as numbers: they cannot be formulas.
 * - `bom: true` starts the file with a UTF-8 byte order mark, without which Excel reads
 *   UTF-8 as the system's legacy code page and mangles č, ć, ë, š, ž.
 */
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (for Excel). */
  bom?: boolean;
}

const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r']);

/** A text cell a spreadsheet would evaluate, made inert by a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && formulaTriggers.has(text[0]!) ? `'${text}` : text;
}

/** One field, neutralised and quoted as needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return options.bom ? `\uFEFF${body}` : body;
}
