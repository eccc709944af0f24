export { TopicSchema, topicPathSeparator, hexColorPattern } from './topic-schema';
export type { Topic, TopicsData } from './topic-schema';
export { TopicTree, nameKey } from './topic-tree';
export { TopicService } from './topic-service';
export type { CreateTopicInput, EditTopicInput, DeleteTopicQuotes, TopicServiceOptions } from './topic-service';
export type { TopicReferences, RecodeReceipt } from './topic-references';
export { topicColorCycle, nextTopicColor } from './topic-colors';
