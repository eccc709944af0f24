/**
 * The topics area: the codebook's records (`topics` collection) and the service that
 * changes them. Its API methods are served by the annotations area, since every answer
 * carries quote counts.
 */
import { topicsCollection } from './topic-schema';

export { TopicSchema, topicPathSeparator, hexColorPattern, topicsCollection } from './topic-schema';
export type { Topic } from './topic-schema';
export { TopicTree, nameKey } from './topic-tree';
export { TopicService } from './topic-service';
export type { CreateTopicInput, EditTopicInput, DeleteTopicQuotes, TopicServiceOptions } from './topic-service';
export type { TopicReferences, RecodeReceipt } from './topic-references';
export { topicColorCycle, nextTopicColor } from './topic-colors';
export { splitTopicPath, planTopicPath } from './topic-paths';

/** The collections this area owns. */
export const topicsCollections = [topicsCollection] as const;
