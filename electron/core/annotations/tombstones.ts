import { z } from 'zod';
import { defineCollection } from '../store/collection-definition';
import { AnnotationSchema } from './annotation-schema';

/**
 * What is left of an annotation deleted while drafts cite it: the annotation as it was, so
 * those citations still resolve to its document, page and passage (and show its quote as
 * deleted) until the author decides, citation by citation, what becomes of them. Undoing
 * the delete takes the tombstone away again.
 */
export const AnnotationTombstoneSchema = z.object({
  /** The deleted annotation's id: citations keep pointing at it. */
  id: z.string().min(1),
  annotation: AnnotationSchema,
  deletedAt: z.iso.datetime(),
  deletedBy: z.string().optional(),
});
export type AnnotationTombstone = z.infer<typeof AnnotationTombstoneSchema>;

export const annotationTombstonesCollection = defineCollection({
  name: 'annotation-tombstones',
  version: 2,
  schema: AnnotationTombstoneSchema,
});

/** A draft that cites an annotation, as the drafts area answers it. */
export interface CitingDraft {
  draftId: string;
  title: string;
  /** How many citations of the annotation the draft holds. */
  citations: number;
  /** The draft is in the trash. */
  trashed: boolean;
}

/** Who can say which drafts cite an annotation: the drafts area attaches itself here. */
export type CitingDraftsQuery = (annotationId: string) => CitingDraft[];

/** How `annotations.delete` treats an annotation drafts cite. */
export const citedDeleteChoices = ['keep-tombstone'] as const;
export type CitedDeleteChoice = (typeof citedDeleteChoices)[number];
