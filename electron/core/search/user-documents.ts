/**
 * Search documents for the user's own content. The inputs are the few fields search needs,
 * so the workspace's richer records can be passed as they are.
 */
import { searchId } from './corpus-documents';
import type { SearchDocument } from './types';

export interface AnnotationInput {
  id: string;
  docId?: string;
  passageId?: string;
  /** The highlighted text. */
  quote: string;
  note?: string;
  /** Topics the annotation is coded with. */
  topics?: readonly { id: string; name: string }[];
  entityIds?: readonly string[];
}

export function annotationToSearchDocument(annotation: AnnotationInput): SearchDocument {
  const topics = annotation.topics ?? [];
  return {
    type: 'annotation',
    id: searchId('annotation', annotation.id),
    sourceId: annotation.id,
    docId: annotation.docId,
    title: annotation.note?.trim() ? firstLine(annotation.note) : annotation.quote.slice(0, 80),
    text: [annotation.quote, annotation.note].filter(Boolean).join('\n'),
    keywords: topics.map((t) => t.name).join(' ; '),
    facets: { document: annotation.docId, topics: topics.map((t) => t.id), entities: [...(annotation.entityIds ?? [])] },
    passageId: annotation.passageId,
  };
}

export interface TopicInput {
  id: string;
  name: string;
  description?: string;
}

export function topicToSearchDocument(topic: TopicInput): SearchDocument {
  return {
    type: 'topic',
    id: searchId('topic', topic.id),
    sourceId: topic.id,
    title: topic.name,
    text: topic.description ?? '',
    facets: { topics: [topic.id] },
  };
}

export interface DraftInput {
  id: string;
  title: string;
  /** Plain text of the draft (the editor's text content, not its JSON). */
  text: string;
  entityIds?: readonly string[];
}

export function draftToSearchDocument(draft: DraftInput): SearchDocument {
  return {
    type: 'draft',
    id: searchId('draft', draft.id),
    sourceId: draft.id,
    title: draft.title,
    text: draft.text,
    facets: { entities: [...(draft.entityIds ?? [])] },
  };
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
