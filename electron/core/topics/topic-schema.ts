import { z } from 'zod';
import { defineCollection } from '../store/collection-definition';

export const hexColorPattern = /^#[0-9A-Fa-f]{6}$/;

/** A codebook entry. Topics form a tree through `parentId`. */
export const TopicSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  parentId: z.string().min(1).optional(),
  /** #RRGGBB, shown on the topic's chips and exported to REFI-QDA. */
  color: z.string().regex(hexColorPattern),
  description: z.string().default(''),
});
export type Topic = z.infer<typeof TopicSchema>;

/** The codebook: one record per topic. Round 1 kept them in `topics.json` as `{topics: […]}`. */
export const topicsCollection = defineCollection({
  name: 'topics',
  version: 2,
  schema: TopicSchema,
  legacy: { file: 'topics.json', records: (data) => (data as { topics?: unknown[] }).topics ?? [] },
});

/** Separator between the levels of a topic path: "Security / Trust in police". */
export const topicPathSeparator = ' / ';
