import type { TopicSummary } from '../../../electron/core/api/methods/annotations';
import type { EntitySummary } from '../../../electron/core/api/methods/corpus';
import type { Recommendation } from '../../../electron/core/corpus/schema';
import type { TypeAheadOption } from '../components/type-ahead-ranking';

/**
 * A topic is found by its own name first ("Trust in police"), then by its path
 * ("Security / Trust in police"); the parent is shown beside it. Codebook order is kept
 * for equal matches.
 */
export function topicOptions(topics: readonly TopicSummary[]): TypeAheadOption[] {
  return topics.map((topic) => {
    const parent = topic.path.slice(0, Math.max(0, topic.path.length - topic.name.length)).replace(/\s*\/\s*$/, '');
    return { id: topic.id, label: topic.name, ...(parent ? { detail: parent } : {}), keywords: [topic.path] };
  });
}

/** Entities by name, then by alias ("KSF"); the most mentioned first among equal matches. */
export function entityOptions(entities: readonly EntitySummary[]): TypeAheadOption[] {
  return [...entities]
    .sort((a, b) => b.mentionCount - a.mentionCount)
    .map((entity) => ({ id: entity.id, label: entity.name, detail: entity.type, keywords: entity.aliases.filter((alias) => alias !== entity.name) }));
}

/** This paper's recommendations first: those are the ones a reader links to most. */
export function recommendationOptions(recommendations: readonly Recommendation[], docId: string | undefined): TypeAheadOption[] {
  const sorted = [...recommendations].sort((a, b) => Number(b.docId === docId) - Number(a.docId === docId));
  return sorted.map((item) => ({ id: item.id, label: `${item.ordinal}. ${item.title}`, detail: item.docId }));
}

/**
 * The topics keys 1–9 apply: the first nine of the codebook, in its order, so a digit
 * always means the same topic (it used to follow recent use and moved after every one).
 */
export function quickTopics(topics: readonly TopicSummary[]): TopicSummary[] {
  return topics.slice(0, 9);
}

/** The digit a topic answers to in the popup, if it is one of the first nine. */
export function quickDigit(topics: readonly TopicSummary[], topicId: string): number | undefined {
  const index = quickTopics(topics).findIndex((topic) => topic.id === topicId);
  return index === -1 ? undefined : index + 1;
}
