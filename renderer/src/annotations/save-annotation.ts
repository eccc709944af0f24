import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import type { ColorKey } from '../../../electron/common/palette';
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

/**
 * Creates the annotation, or saves what the editor holds over an existing one: one call,
 * written as one change and undone in one step.
 */
export async function saveAnnotation(state: EditorState, subject: { target: AnnotationTarget } | { annotation: AnnotationView }): Promise<AnnotationView> {
  const content = {
    color: state.color,
    topicIds: ids(state.topics),
    topicPaths: newTopicPaths(state.topics),
    entityIds: ids(state.entities),
    recommendationIds: ids(state.recommendations),
  };
  if ('target' in subject) {
    const { target } = subject;
    const created = { ...content, ...(state.note.trim() ? { note: state.note } : {}) };
    return target.kind === 'quote'
      ? api.invoke('annotations.create', { passageId: target.passageId, quote: target.quote, offsetInPassage: target.offsetInPassage, ...created })
      : api.invoke('annotations.createFromSelection', { start: target.start, end: target.end, ...created });
  }
  return api.invoke('annotations.edit', { id: subject.annotation.id, note: state.note, ...content });
}
