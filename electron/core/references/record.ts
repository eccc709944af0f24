import { z } from 'zod';
import { defineCollection } from '../store/collection-definition';
import type { CslData } from './csl-data';

/**
 * One work in the reference library: a CSL-JSON item (what citeproc-js and Pandoc read) and
 * its citation key, stable once given: drafts cite it by the key in Markdown and the item's
 * id is the key in every export. `sources` names the files it came from.
 */
export const ReferenceRecordSchema = z.object({
  /** `ref-` and a hash of what made it a work (its DOI, or title, author and year), so two replicas importing the same work agree. */
  id: z.string().regex(/^ref-[a-z0-9]+$/),
  citationKey: z.string().min(1).max(120),
  item: z
    .object({ type: z.string().min(1), title: z.string().min(1) })
    .loose()
    .transform((item) => item as unknown as Omit<CslData, 'id'>),
  sources: z.array(z.object({ fileName: z.string().max(255), format: z.enum(['bibtex', 'ris', 'csl-json']), key: z.string().max(120).optional() })).max(200),
  addedAt: z.string(),
});
export type ReferenceRecord = z.infer<typeof ReferenceRecordSchema>;

export const referencesCollection = defineCollection({
  name: 'references',
  version: 2,
  schema: ReferenceRecordSchema as unknown as z.ZodType<ReferenceRecord>,
});
