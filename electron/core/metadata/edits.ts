import { metadataFields, type CorpusDocument, type MetadataField, type Provenance } from '../corpus/schema';

/**
 * A person's correction of one metadata field, as a record: which field, the new value (null
 * clears an optional field), when, and optionally why. Applying edits is a pure overlay on
 * the document as extracted, so the extraction is never lost and the edits can be stored,
 * listed and undone on their own; each edited field's provenance becomes `user`.
 */
export interface MetadataEdit {
  field: MetadataField;
  value: string | number | readonly string[] | null;
  /** ISO 8601. */
  editedAt: string;
  /** Who, when the edit is a stored record (the store's author). */
  editedBy?: string;
  note?: string;
}

const LIST_FIELDS: ReadonlySet<MetadataField> = new Set(['authors', 'editors', 'publishers']);

export function isMetadataField(name: string): name is MetadataField {
  return (metadataFields as readonly string[]).includes(name);
}

/** The document with the edits applied in order (a later edit of a field wins). */
export function applyMetadataEdits<D extends CorpusDocument>(document: D, edits: readonly MetadataEdit[]): D {
  const result: Record<string, unknown> = { ...document };
  const provenance: Provenance = { ...document.provenance };
  for (const edit of edits) {
    if (edit.field === 'title' && (edit.value === null || String(edit.value).trim() === '')) {
      throw new Error('A document cannot be left without a title.');
    }
    // A language is never cleared (the record's schema would let another version try): the extraction's stays.
    if (edit.field === 'language' && edit.value === null) continue;
    if (edit.value === null) {
      if (LIST_FIELDS.has(edit.field)) result[edit.field] = [];
      else delete result[edit.field];
    } else {
      result[edit.field] = LIST_FIELDS.has(edit.field) ? [...(edit.value as readonly string[])] : edit.value;
    }
    provenance[edit.field] = { source: 'user', editedAt: edit.editedAt, ...(edit.editedBy ? { editedBy: edit.editedBy } : {}), ...(edit.note ? { note: edit.note } : {}) };
  }
  return { ...result, provenance } as D;
}
