/**
 * The slice of citation-js (CommonJS, no bundled types) that the reference importer uses:
 * its input chain with a forced format, and its logger (whose history we empty after each
 * file, since it keeps every message it was given).
 */
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chain(input: string, options: { forceType: string; generateGraph?: boolean }): Array<Record<string, unknown>>;
    };
  };
  export const logger: { _log: unknown[] };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/date' {
  export function parse(text: string): { 'date-parts'?: number[][]; raw?: string };
}
