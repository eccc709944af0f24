import { z } from 'zod';
import { metadataFields } from '../corpus/schema';
import { defineCollection } from '../store/collection-definition';

/**
 * One person's value for one metadata field of one document. A record per field, not per
 * document, so that two researchers who correct different fields of the same paper never
 * conflict when their work is merged; the store keeps who wrote it (author) and when.
 */
export const MetadataEditRecordSchema = z.object({
  /** `<docId>~<field>`. */
  id: z.string().min(3),
  docId: z.string().min(1),
  field: z.enum(metadataFields),
  /** null clears an optional field (an empty list for authors, editors, publishers). */
  value: z.union([z.string(), z.number().int(), z.array(z.string()), z.null()]),
  editedAt: z.string(),
  note: z.string().max(2000).optional(),
});
export type MetadataEditRecord = z.infer<typeof MetadataEditRecordSchema>;

export const metadataEditsCollection = defineCollection({
  name: 'metadata-edits',
  version: 2,
  schema: MetadataEditRecordSchema,
});

export const metadataEditId = (docId: string, field: string) => `${docId}~${field}`;
