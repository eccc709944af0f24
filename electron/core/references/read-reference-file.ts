import { WorkbenchError } from '../api/errors';
import { CslItemInputSchema } from './csl-data';

export type ReferenceFormat = 'bibtex' | 'ris' | 'csl-json';

/** One entry as a file gave it: citation-js's (or the file's own) CSL-JSON, and the key the file gave it, if any. */
export interface ParsedEntry {
  item: Record<string, unknown>;
  sourceKey?: string;
}

export interface ParsedReferenceFile {
  format: ReferenceFormat;
  entries: ParsedEntry[];
}

const formatNames: Record<ReferenceFormat, string> = { bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };
export const referenceFormatName = (format: ReferenceFormat): string => formatNames[format];

/** Reference files by name: BibTeX/BibLaTeX and RIS. A `.json` is one only if `isCslJson` says so. */
export function referenceFormatOfName(fileName: string): ReferenceFormat | undefined {
  if (/\.(bib|bibtex|biblatex)$/i.test(fileName)) return 'bibtex';
  if (/\.ris$/i.test(fileName)) return 'ris';
  return undefined;
}

/**
 * Whether JSON text is CSL-JSON: an item or an array of items that carry a CSL `type` and
 * none of what marks W3C Web Annotations (`@context`, `target`) or Hypothesis exports
 * (`target`, `uri`, `rows`). Decided by shape, because both are saved as `.json`.
 */
export function isCslJson(value: unknown): boolean {
  const items = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? [value] : [];
  if (items.length === 0) return false;
  return items.every((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return false;
    const record = item as Record<string, unknown>;
    if (['@context', 'target', 'rows', 'annotations', 'uri'].some((mark) => mark in record)) return false;
    return typeof record.type === 'string' && record.type.length > 0 && ('title' in record || 'id' in record);
  });
}

/**
 * What a `.json` file is: CSL-JSON (references), W3C Web Annotations or a Hypothesis export
 * (the exchange area's), or neither. Only the top level is looked at.
 */
export function jsonKind(value: unknown): 'csl-json' | 'annotations' | 'neither' {
  if (isCslJson(value)) return 'csl-json';
  const items = Array.isArray(value) ? value : [value];
  // W3C: @context, target, an AnnotationCollection's first/items; Hypothesis: its API's rows, its client's annotations, uri.
  const marks = ['@context', 'target', 'rows', 'annotations', 'uri', 'first', 'items'];
  const annotationLike = items.some(
    (item) => item !== null && typeof item === 'object' && !Array.isArray(item) && (marks.some((mark) => mark in item) || /^Annotation(Collection|Page)?$/.test(String((item as { type?: unknown }).type))),
  );
  return annotationLike ? 'annotations' : 'neither';
}

/** A key a file gave its entry, kept when it looks like one (Zotero's CSL-JSON ids are URIs, not keys). */
function keyLike(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.trim();
  // Pandoc's key syntax: starts and ends with a letter, digit or _, punctuation only inside.
  return /^[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&\-+?<>~]*[\p{L}\p{N}_])?$/u.test(key) && key.length <= 100 ? key : undefined;
}

/**
 * Reads a reference file with citation-js (BibTeX/BibLaTeX with @string macros, TeX accents and
 * biblatex fields; RIS) or as CSL-JSON. A file that cannot be read, or holds no entries, is
 * refused with what to do; nothing is written before this succeeds.
 */
export async function parseReferenceFile(text: string, fileName: string, format: ReferenceFormat): Promise<ParsedReferenceFile> {
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'csl-json') return { format, entries: parseCslJson(body, fileName) };
  // citation-js (with its two plugins) loads with the first reference file, not with the core.
  const [loaded] = await Promise.all([import('@citation-js/core'), format === 'bibtex' ? import('@citation-js/plugin-bibtex') : import('@citation-js/plugin-ris')]);
  // A CommonJS package: Node names its exports, a bundle (the CLI's, the app's) may give only `default`.
  const { plugins, logger } = 'plugins' in loaded && loaded.plugins ? loaded : (loaded as unknown as { default: typeof loaded }).default;
  let items: Array<Record<string, unknown>>;
  try {
    items = plugins.input.chain(body, { forceType: format === 'bibtex' ? '@biblatex/text' : '@ris/file', generateGraph: false });
  } catch (error) {
    throw new WorkbenchError('BAD_REQUEST', `“${fileName}” is not a ${formatNames[format]} file that can be read: ${firstLine((error as Error).message)}. Export it again from your reference manager (Zotero: File → Export Library…), or fix the entry named.`);
  } finally {
    // citation-js keeps every message it logs; keep it from growing with each file.
    logger._log.length = 0;
  }
  if (!Array.isArray(items) || items.length === 0) throw noEntries(fileName, format);
  return {
    format,
    entries: items.map((item) => {
      const sourceKey = keyLike(item['citation-key'] ?? item.id);
      return sourceKey ? { item, sourceKey } : { item };
    }),
  };
}

function parseCslJson(text: string, fileName: string): ParsedEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new WorkbenchError('BAD_REQUEST', `“${fileName}” is not valid JSON (${firstLine((error as Error).message)}). Export the items again as CSL JSON.`);
  }
  if (!isCslJson(value)) throw notCslJson(fileName);
  const list = (Array.isArray(value) ? value : [value]) as unknown[];
  return list.map((raw, index) => {
    const parsed = CslItemInputSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new WorkbenchError('BAD_REQUEST', `“${fileName}”: item ${index + 1} is not CSL-JSON (${issue.path.join('.') || 'item'}: ${issue.message}). Nothing was imported; export the items again as CSL JSON.`);
    }
    const sourceKey = keyLike(parsed.data['citation-key'] ?? parsed.data.id);
    return sourceKey ? { item: parsed.data, sourceKey } : { item: parsed.data };
  });
}

/** A .json that is neither references nor annotations: UNSUPPORTED, as the annotation importer answers a JSON it does not know. */
export function notCslJson(fileName: string): WorkbenchError {
  return new WorkbenchError(
    'UNSUPPORTED',
    `“${fileName}” is neither CSL-JSON (a list of items, each with a CSL “type”, as Zotero's “CSL JSON” export writes) nor W3C Web Annotations or a Hypothesis export (items with a “target”). Nothing was imported.`,
  );
}

function noEntries(fileName: string, format: ReferenceFormat): WorkbenchError {
  return new WorkbenchError('BAD_REQUEST', `“${fileName}” holds no ${formatNames[format]} entries. Nothing was imported; check that it is the exported file (entries start with ${format === 'bibtex' ? '“@book{”, “@article{”…' : '“TY  - ”'}).`);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim().replace(/[.:]$/, '');
}
