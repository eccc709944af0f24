import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import type { ColorKey } from '../../../electron/core/annotations/palette';
import { api } from '../api/client';
import type { AnnotationTarget } from './selection-target';

/** A picked item; a topic without an id is a new one, created (by path) when saved. */
export interface Chosen {
  id?: string;
  label: string;
}

export interface EditorState {
  color: ColorKey;
  note: string;
  topics: Chosen[];
  entities: Chosen[];
  recommendations: Chosen[];
}

const ids = (items: Chosen[]) => items.flatMap((item) => (item.id ? [item.id] : []));
const newTopicPaths = (items: Chosen[]) => items.flatMap((item) => (item.id ? [] : [item.label]));
const missing = (from: string[], present: string[]) => from.filter((id) => !present.includes(id));

/** Creates the annotation, or applies what changed to an existing one (each change one undo step). */
export async function saveAnnotation(state: EditorState, subject: { target: AnnotationTarget } | { annotation: AnnotationView }): Promise<AnnotationView> {
  const content = {
    color: state.color,
    ...(state.note.trim() ? { note: state.note } : {}),
    topicIds: ids(state.topics),
    topicPaths: newTopicPaths(state.topics),
    entityIds: ids(state.entities),
    recommendationIds: ids(state.recommendations),
  };
  if ('target' in subject) {
    const { target } = subject;
    return target.kind === 'quote'
      ? api.invoke('annotations.create', { passageId: target.passageId, quote: target.quote, offsetInPassage: target.offsetInPassage, ...content })
      : api.invoke('annotations.createFromSelection', { docId: target.docId, start: target.start, end: target.end, ...content });
  }
  let current = subject.annotation;
  const id = current.id;
  if (state.note !== current.note || state.color !== current.color) current = await api.invoke('annotations.update', { id, note: state.note, color: state.color });
  const removedTopics = missing(current.topicIds, content.topicIds);
  if (removedTopics.length > 0) current = await api.invoke('annotations.uncode', { id, topicIds: removedTopics });
  const addedTopics = missing(content.topicIds, current.topicIds);
  if (addedTopics.length > 0 || content.topicPaths.length > 0) current = await api.invoke('annotations.code', { id, topicIds: addedTopics, topicPaths: content.topicPaths });
  const unlinkEntities = missing(current.entityIds, content.entityIds);
  const unlinkRecommendations = missing(current.recommendationIds, content.recommendationIds);
  if (unlinkEntities.length + unlinkRecommendations.length > 0) current = await api.invoke('annotations.unlink', { id, entityIds: unlinkEntities, recommendationIds: unlinkRecommendations });
  const linkEntities = missing(content.entityIds, current.entityIds);
  const linkRecommendations = missing(content.recommendationIds, current.recommendationIds);
  if (linkEntities.length + linkRecommendations.length > 0) current = await api.invoke('annotations.link', { id, entityIds: linkEntities, recommendationIds: linkRecommendations });
  return current;
}
