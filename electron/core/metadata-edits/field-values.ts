import { z } from 'zod';
import { WorkbenchError } from '../api/errors';
import { cslTypes, metadataFields, type MetadataField } from '../corpus/schema';
import { normaliseLanguageTag } from '../metadata/document-type';
import { isValidIsbn } from '../metadata/identifiers';

const name = z.string().trim().min(1, 'a name cannot be empty').max(300);
const names = z.array(name).max(200);
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable();

/** What each field accepts; null clears it (the title cannot be cleared). */
export const fieldValueSchemas = {
  title: z.string().trim().min(1, 'the title cannot be empty').max(500),
  subtitle: optionalText(500),
  authors: names,
  editors: names,
  publishers: z.array(name).max(50),
  year: z.number().int().min(1000, 'a year has four digits').max(2200, 'a year has four digits').nullable(),
  place: optionalText(300),
  isbn: z
    .string()
    .trim()
    .refine((value) => isValidIsbn(value), 'not a valid ISBN (10 or 13 digits with a correct check digit)')
    .nullable(),
  doi: z
    .string()
    .trim()
    .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like 10.1234/abc')
    .nullable(),
  url: z
    .string()
    .trim()
    .url('not a URL')
    .refine((value) => /^https?:\/\//i.test(value), 'only http and https addresses')
    .nullable(),
  /** A CSL item type; null goes back to the one the document's kind gives. */
  type: z.enum(cslTypes, { error: () => `not a CSL item type: use one of ${cslTypes.join(', ')}` }).nullable(),
  /** A BCP 47 language tag, put in its usual case ("sr-latn" → "sr-Latn"); it cannot be cleared. */
  language: z
    .string()
    .trim()
    .max(35)
    .refine((value) => normaliseLanguageTag(value) !== undefined, 'not a language tag: use a BCP 47 tag such as en, sq, sr-Latn or en-GB')
    .transform((value) => normaliseLanguageTag(value)!),
} satisfies Record<MetadataField, z.ZodType>;

export type MetadataValue = string | number | string[] | null;

/** Every field optional: what one save may change. */
export const MetadataFieldsPatchSchema = z.object(fieldValueSchemas).partial().strict();
export type MetadataFieldsPatch = z.infer<typeof MetadataFieldsPatchSchema>;

const LIST_FIELDS = new Set<MetadataField>(['authors', 'editors', 'publishers']);

/**
 * A value as typed on the command line (`year=2024`, `authors=A; B`, `doi=` clears): lists
 * are split on semicolons, the year is read as a number; the schema checks the rest.
 */
export function parseFieldAssignment(assignment: string): { field: MetadataField; value: MetadataValue } {
  const equals = assignment.indexOf('=');
  const field = (equals < 0 ? assignment : assignment.slice(0, equals)).trim();
  if (!(metadataFields as readonly string[]).includes(field)) {
    throw new WorkbenchError('BAD_REQUEST', `“${field}” is not a metadata field. Use one of: ${metadataFields.join(', ')} (as field=value).`);
  }
  if (equals < 0) throw new WorkbenchError('BAD_REQUEST', `--set ${field} needs a value: ${field}=value (or ${field}= to clear it).`);
  const raw = assignment.slice(equals + 1).trim();
  const typed = field as MetadataField;
  if (LIST_FIELDS.has(typed)) return { field: typed, value: raw === '' ? [] : raw.split(';').map((part) => part.trim()).filter(Boolean) };
  if (raw === '') return { field: typed, value: null };
  if (typed === 'year') {
    if (!/^\d{4}$/.test(raw)) throw new WorkbenchError('BAD_REQUEST', `year=${raw}: a year is four digits, such as year=2024.`);
    return { field: typed, value: Number(raw) };
  }
  return { field: typed, value: raw };
}
