import { z } from 'zod';
import { defineCollection } from '../store/collection-definition';
import { colorKeys } from './palette';

const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});

const TextPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((position) => position.end > position.start, { message: 'end must come after start' });

const PageSelectorSchema = z.object({ type: z.literal('PageSelector'), page: z.number().int().positive() });

export const AnnotationTargetSchema = z.object({
  selectors: z.object({
    quote: TextQuoteSelectorSchema,
    position: TextPositionSelectorSchema,
    page: PageSelectorSchema.optional(),
  }),
  /** The passages the span covers, in reading order (several for a cross-paragraph quote). */
  passageIds: z.array(z.string().min(1)).min(1),
});
export type AnnotationTarget = z.infer<typeof AnnotationTargetSchema>;

export const anchorStatuses = ['anchored', 'fuzzy', 'orphan'] as const;

const ids = z.array(z.string().min(1)).refine((list) => new Set(list).size === list.length, { message: 'ids must not repeat' });

export const AnnotationSchema = z.object({
  id: z.string().min(1),
  docId: z.string().min(1),
  target: AnnotationTargetSchema,
  color: z.enum(colorKeys),
  note: z.string().max(100_000),
  topicIds: ids,
  entityIds: ids,
  recommendationIds: ids,
  /** ISO 8601 timestamps. */
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** How the target was last found in the document's text; orphans are kept and shown. */
  anchorStatus: z.enum(anchorStatuses),
  /**
   * The user id of the coder who made the annotation. It stays theirs when a colleague
   * edits it (the store's `author` is whoever wrote the latest revision): inter-coder
   * agreement counts quotes by their coder. Absent on annotations made before users existed;
   * those count as their latest revision's author.
   */
  createdBy: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
});
export type Annotation = z.infer<typeof AnnotationSchema>;

/** One record per annotation. Round 1 kept them in `annotations.json` as `{annotations: […]}`. */
export const annotationsCollection = defineCollection({
  name: 'annotations',
  version: 2,
  schema: AnnotationSchema,
  legacy: { file: 'annotations.json', records: (data) => (data as { annotations?: unknown[] }).annotations ?? [] },
});
