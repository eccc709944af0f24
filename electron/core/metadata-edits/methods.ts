import { z } from 'zod';
import { method } from '../api/method';
import type { DocumentSummary } from '../api/methods/corpus';
import type { MetadataSource } from '../corpus/schema';
import { MetadataFieldsPatchSchema } from './field-values';

/** One stored correction, as listed: the field, its value, who and when. */
export interface MetadataEditView {
  field: string;
  value: string | number | string[] | null;
  editedAt: string;
  editedBy: string;
  note?: string;
  /** What the extraction gave the field (what a revert brings back): its value (null: none) and source. */
  extracted: { value: string | number | string[] | null; source: MetadataSource | null };
}

export const metadataEditsMethods = {
  /**
   * Corrects metadata fields of any document, bundled or imported. Each changed field is
   * kept as a record (with its author and time) over the extracted value, which stays.
   */
  'metadata.set': method<DocumentSummary>()(
    z
      .object({
        docId: z.string().min(1).max(200),
        fields: MetadataFieldsPatchSchema,
        note: z.string().trim().max(2000).optional(),
        /**
         * Fields whose value as it stands is confirmed by the user (an inferred year, a title
         * taken from the file name): recorded as theirs although it does not change. A field
         * both here and in `fields` takes the value in `fields`.
         */
        confirm: z.array(MetadataFieldsPatchSchema.keyof()).max(10).optional(),
      })
      .strict(),
  ),
  /** Drops the corrections of the named fields: the extracted values show again. */
  'metadata.revert': method<DocumentSummary>()(
    z.object({ docId: z.string().min(1).max(200), fields: z.array(MetadataFieldsPatchSchema.keyof()).min(1).max(10) }).strict(),
  ),
  /** The stored corrections of a document. */
  'metadata.edits': method<MetadataEditView[]>()(z.object({ docId: z.string().min(1).max(200) }).strict()),
};
