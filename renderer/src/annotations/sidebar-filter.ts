import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import type { ColorKey } from '../../../electron/core/annotations/palette';
import { foldCase as fold } from '../text/fold';

export interface SidebarFilter {
  color?: ColorKey;
  topicId?: string;
  entityId?: string;
  recommendationId?: string;
  text: string;
}


/** Every given criterion must hold; free text looks at quote, note, topics, entities and recommendations. */
export function filterSidebar(annotations: readonly AnnotationView[], filter: SidebarFilter): AnnotationView[] {
  const needle = fold(filter.text.trim());
  return annotations.filter((annotation) => {
    if (filter.color && annotation.color !== filter.color) return false;
    if (filter.topicId && !annotation.topicIds.includes(filter.topicId)) return false;
    if (filter.entityId && !annotation.entityIds.includes(filter.entityId)) return false;
    if (filter.recommendationId && !annotation.recommendationIds.includes(filter.recommendationId)) return false;
    if (!needle) return true;
    const haystack = [
      annotation.target.selectors.quote.exact,
      annotation.note,
      ...annotation.topics.map((topic) => topic.path),
      ...annotation.entities.map((entity) => entity.name),
      ...annotation.recommendations.map((item) => item.label),
    ].join('\n');
    return fold(haystack).includes(needle);
  });
}

/** The distinct topics, entities and recommendations the paper's annotations use, for the filter menus. */
export function filterChoices(annotations: readonly AnnotationView[]) {
  const topics = new Map<string, string>();
  const entities = new Map<string, string>();
  const recommendations = new Map<string, string>();
  for (const annotation of annotations) {
    for (const topic of annotation.topics) topics.set(topic.id, topic.path);
    for (const entity of annotation.entities) entities.set(entity.id, entity.name);
    for (const item of annotation.recommendations) recommendations.set(item.id, item.label);
  }
  const sorted = (map: Map<string, string>) => [...map].sort((a, b) => a[1].localeCompare(b[1]));
  return { topics: sorted(topics), entities: sorted(entities), recommendations: sorted(recommendations) };
}
