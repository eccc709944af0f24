import type { FieldProvenance, MetadataField, Provenance } from '../../corpus/schema';

/**
 * What an import learns about a document's bibliography, each field with where it came from
 * (`provenance`). The title is never empty: with nothing better it is the file's name, and
 * the provenance says so.
 */
export interface ImportedMetadata {
  title: string;
  authors: string[];
  year?: number;
  publisher?: string;
  place?: string;
  isbn?: string;
  doi?: string;
  url?: string;
  provenance: Provenance;
}

/** A file name made readable: "trace_monkey-v2.pdf" → "trace monkey v2". */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return base || fileName;
}

/** A value one source offers for a field, with where it came from. */
export interface Candidate<T> {
  value: T;
  provenance: FieldProvenance;
}

/** A candidate, or none when the source gave nothing (undefined, empty text, no names). */
export function candidate<T>(value: T | undefined | null, provenance: FieldProvenance): Candidate<T> | undefined {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return undefined;
  return { value, provenance };
}

/** The first source, in order of trust, that gave a value. */
export function firstFound<T>(...candidates: Array<Candidate<T> | undefined>): Candidate<T> | undefined {
  return candidates.find((c): c is Candidate<T> => c !== undefined);
}

/** Sets `field` on the metadata (and its provenance) from the first source that has it. */
export function assignFirst<K extends 'year' | 'publisher' | 'place' | 'isbn' | 'doi' | 'url'>(
  metadata: ImportedMetadata,
  field: K,
  ...candidates: Array<Candidate<NonNullable<ImportedMetadata[K]>> | undefined>
): void {
  const found = firstFound(...candidates);
  if (!found) return;
  metadata[field] = found.value;
  metadata.provenance[(field === 'publisher' ? 'publishers' : field) as MetadataField] = found.provenance;
}

/** The title from the first source that has one, else the file name, saying what was looked for. */
export function titleFrom(candidates: Array<Candidate<string> | undefined>, fileName: string, looked: string, readable = true): Candidate<string> {
  const found = firstFound(...candidates);
  if (found) return found;
  const fallback = fileNameTitle(fileName, looked, readable);
  return { value: fallback.title, provenance: fallback.provenance.title! };
}

/** The file name as a title, and a provenance saying what was looked for first. `readable: false` keeps the name as typed (transcripts are often named by convention). */
export function fileNameTitle(fileName: string, looked: string, readable = true): Pick<ImportedMetadata, 'title'> & { provenance: Provenance } {
  const bare = fileName.replace(/\.[^.]+$/, '').trim() || fileName;
  return {
    title: readable ? titleFromFileName(fileName) : bare,
    provenance: { title: { source: 'file-name', printed: fileName, note: `No title was found ${looked}; the document is named after its file.` } },
  };
}
