import type { MetadataField, MetadataSource } from '../../../electron/core/corpus/schema';
import type { MetadataFieldView } from '../../../electron/core/metadata/describe';
import type { MetadataFieldsPatch } from '../../../electron/core/metadata-edits/field-values';
import { cslTypeLabel } from './csl-type-labels';

/**
 * The details dialog's form, as pure functions: how each of core's metadata fields is typed
 * (the list of fields is core's: `DocumentSummary.metadataFields` lists every one, and this
 * table is keyed by core's `MetadataField`, so a field added there is a compile error here
 * until it has a form), how a typed text becomes a value, and which problems core reported
 * about which field.
 */
export type FieldKind = 'text' | 'list' | 'year' | 'type';

export const fieldForms: Record<MetadataField, { label: string; kind: FieldKind; placeholder?: string }> = {
  title: { label: 'Title', kind: 'text' },
  subtitle: { label: 'Subtitle', kind: 'text' },
  authors: { label: 'Authors, one per line', kind: 'list' },
  editors: { label: 'Editors, one per line', kind: 'list' },
  publishers: { label: 'Publishers, one per line', kind: 'list' },
  year: { label: 'Year', kind: 'year', placeholder: 'e.g. 2024' },
  place: { label: 'Place of publication', kind: 'text', placeholder: 'e.g. Prishtinë' },
  isbn: { label: 'ISBN', kind: 'text', placeholder: 'e.g. 978-9951-842-58-7' },
  doi: { label: 'DOI', kind: 'text', placeholder: 'e.g. 10.1234/abc' },
  url: { label: 'Web address', kind: 'text', placeholder: 'https://…' },
  type: { label: 'Type (as citations name it)', kind: 'type' },
  language: { label: 'Language', kind: 'text', placeholder: 'a language tag, e.g. en, sq, sr-Latn' },
};

/** What a field's input shows for a value: lists one per line, nothing for no value. */
export function textOf(field: MetadataField, value: MetadataFieldView['value']): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join('\n');
  return String(value);
}

type Parsed = { ok: true; value: string | number | string[] | null } | { ok: false; error: string };

/**
 * A typed text as the value core takes (`metadata.set`): lists split on lines, a year as a
 * number, empty as "no value" (null, or no names). Only what cannot be sent at all is
 * refused here (a year that is not a number); core checks the rest and says why.
 */
export function parseField(field: MetadataField, text: string): Parsed {
  const { kind } = fieldForms[field];
  if (kind === 'list') return { ok: true, value: text.split('\n').map((line) => line.trim()).filter(Boolean) };
  const trimmed = text.trim();
  if (field === 'title') return { ok: true, value: trimmed };
  if (trimmed === '') return { ok: true, value: null };
  if (kind === 'year') {
    if (!/^\d{4}$/.test(trimmed)) return { ok: false, error: `“${trimmed}” is not a year: a year is four digits, such as 2024 (or leave it empty).` };
    return { ok: true, value: Number(trimmed) };
  }
  return { ok: true, value: trimmed };
}

/** Same value? (Lists compared item by item, "no value" equal to an empty list.) */
export function sameValue(a: MetadataFieldView['value'] | string[] | undefined, b: MetadataFieldView['value'] | string[] | undefined): boolean {
  const norm = (value: typeof a) => (value === undefined || (Array.isArray(value) && value.length === 0) ? null : value);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/**
 * The fields typed differently from what the document holds now, as one `metadata.set`
 * patch, and the fields whose text cannot be a value (with why). `drafts` holds only the
 * fields the user typed in; the others are not sent.
 */
export function buildPatch(
  fields: readonly MetadataFieldView[],
  drafts: Partial<Record<MetadataField, string>>,
): { patch: MetadataFieldsPatch; errors: Partial<Record<MetadataField, string>> } {
  const patch: Record<string, unknown> = {};
  const errors: Partial<Record<MetadataField, string>> = {};
  for (const view of fields) {
    const text = drafts[view.field];
    if (text === undefined) continue;
    const parsed = parseField(view.field, text);
    if (!parsed.ok) errors[view.field] = parsed.error;
    else if (!sameValue(parsed.value, view.value)) patch[view.field] = parsed.value;
  }
  return { patch: patch as MetadataFieldsPatch, errors };
}

/** The fields whose typed text differs from the document's value now. */
export function changedFields(fields: readonly MetadataFieldView[], drafts: Partial<Record<MetadataField, string>>): MetadataField[] {
  return fields.filter((view) => drafts[view.field] !== undefined && drafts[view.field] !== textOf(view.field, view.value)).map((view) => view.field);
}

/**
 * Core's BAD_REQUEST lists its problems as `fields.<field>[.<n>]: <why>` (the contract's
 * schema, `details.issues`); each goes next to its field, the rest are for the whole form.
 */
export function fieldErrorsFrom(issues: unknown): { fields: Partial<Record<MetadataField, string>>; other: string[] } {
  const fields: Partial<Record<MetadataField, string>> = {};
  const other: string[] = [];
  if (!Array.isArray(issues)) return { fields, other };
  for (const issue of issues) {
    if (typeof issue !== 'string') continue;
    const match = /^fields\.([a-z]+)(?:\.(\d+))?: (.*)$/.exec(issue);
    const field = match?.[1] as MetadataField | undefined;
    if (match && field && field in fieldForms) {
      const why = sentence(match[3]!, match[2] === undefined ? '' : ` (line ${Number(match[2]) + 1})`);
      fields[field] = fields[field] ? `${fields[field]} ${why}` : why;
    } else other.push(issue);
  }
  return { fields, other };
}

function sentence(text: string, where: string): string {
  const upper = (text.charAt(0).toUpperCase() + text.slice(1)).replace(/[.!?]$/, '');
  return `${upper}${where}.`;
}

const SOURCE_SHORT: Record<MetadataSource, string> = {
  printed: 'printed',
  xmp: "from the PDF's metadata",
  'pdf-info': "from the PDF's metadata",
  'docx-core': "from the Word file's properties",
  'front-matter': 'from the front matter',
  inferred: 'inferred',
  'file-name': 'from the file name',
  curated: 'not printed',
  user: 'entered',
};

/** What a revert brings back, in a few words: "“2025” (inferred)", "nothing". */
export function extractedText(field: MetadataField, extracted: { value: MetadataFieldView['value']; source: MetadataSource | null }): string {
  if (extracted.value === null) return 'nothing';
  const text = Array.isArray(extracted.value) ? extracted.value.join(field === 'publishers' ? '; ' : ', ') : field === 'type' ? cslTypeLabel(String(extracted.value)) : String(extracted.value);
  return `“${text}”${extracted.source ? ` (${SOURCE_SHORT[extracted.source]})` : ''}`;
}
