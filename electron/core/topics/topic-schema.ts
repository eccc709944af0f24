import { z } from 'zod';

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

export interface TopicsData {
  topics: Topic[];
}

/** Separator between the levels of a topic path: "Security / Trust in police". */
export const topicPathSeparator = ' / ';
