import { z } from 'zod';

/** The attributes of the drafts' `citation` node (./citation-node.ts), as drafts store them. */

/**
 * What a citation points at: the exact passage, an annotation on it, a whole document, or a
 * reference of the reference library (`targetId` and `docId` are then both the reference's id).
 */
export const citationTargetKinds = ['passage', 'annotation', 'document', 'reference'] as const;
export type CitationTargetKind = (typeof citationTargetKinds)[number];

/** The node's attributes as drafts store them (JSON); what is absent takes its default. */
export const CitationAttrsSchema = z.object({
  targetKind: z.enum(citationTargetKinds),
  targetId: z.string().min(1),
  docId: z.string().min(1),
  locator: z.string().nullable().default(null),
  prefix: z.string().nullable().default(null),
  suffix: z.string().nullable().default(null),
  suppressAuthor: z.boolean().default(false),
});
export type CitationAttrs = z.infer<typeof CitationAttrsSchema>;
