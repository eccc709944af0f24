/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet would
 * run as a formula (starting with = + - @, a tab or a carriage return) neutralised with a
 * leading apostrophe, as OWASP advises against CSV injection. A paper's sentence can start
 * with "-" or "=", and an export must never become a program.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | undefined | null>>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
