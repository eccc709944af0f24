import type { TopicSummary } from '../../../../electron/core/api/methods/annotations';

/** The topic and everything below it (a topic cannot move or merge into these). */
export function selfAndDescendants(topics: readonly TopicSummary[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const topic of topics) {
      if (topic.parentId && found.has(topic.parentId) && !found.has(topic.id)) {
        found.add(topic.id);
        grew = true;
      }
    }
  }
  return found;
}
