import type { SerializedError } from '../api/errors';

export interface Output {
  json: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function printResult(output: Output, value: unknown, human: (value: never) => string): void {
  output.stdout(output.json ? JSON.stringify(value, null, 2) : human(value as never));
}

export function printError(output: Output, error: SerializedError): void {
  if (output.json) output.stdout(JSON.stringify({ error: { code: error.code, message: error.message } }));
  else output.stderr(`workbench: ${error.message}`);
}

/** A plain-text table for people; columns are cut to keep one row a line. */
export function table(items: ReadonlyArray<object>, columns: Array<{ key: string; label: string; width?: number }>): string {
  const rows = items as ReadonlyArray<Record<string, unknown>>;
  if (rows.length === 0) return '(none)';
  const cell = (value: unknown, width?: number) => {
    const text = Array.isArray(value) ? value.join(', ') : value === undefined || value === null ? '' : String(value);
    return width && text.length > width ? `${text.slice(0, width - 1)}…` : text;
  };
  const widths = columns.map((column) => Math.max(column.label.length, ...rows.map((row) => cell(row[column.key], column.width).length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(columns.map((column) => column.label)), ...rows.map((row) => line(columns.map((column) => cell(row[column.key], column.width))))].join('\n');
}
