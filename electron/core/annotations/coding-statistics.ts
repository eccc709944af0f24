import type { TopicTree } from '../topics';
import type { Annotation } from './annotation-schema';

/** How many annotations carry both topics; the diagonal holds each topic's own count. */
export interface CooccurrenceMatrix {
  topicIds: string[];
  counts: number[][];
}

export function cooccurrenceMatrix(annotations: readonly Annotation[], topicIds: readonly string[]): CooccurrenceMatrix {
  const column = new Map(topicIds.map((id, index) => [id, index]));
  const counts = topicIds.map(() => topicIds.map(() => 0));
  for (const annotation of annotations) {
    const coded = [...new Set(annotation.topicIds)]
      .map((id) => column.get(id))
      .filter((index): index is number => index !== undefined);
    for (const a of coded) for (const b of coded) counts[a]![b]! += 1;
  }
  return { topicIds: [...topicIds], counts };
}

/** The annotations coded with both topics (the cell of the matrix, opened). */
export function annotationsCodedWithBoth(annotations: readonly Annotation[], topicA: string, topicB: string): Annotation[] {
  return annotations.filter((annotation) => annotation.topicIds.includes(topicA) && annotation.topicIds.includes(topicB));
}

export interface TopicCount {
  topicId: string;
  path: string;
  quotes: number;
  documents: number;
}

/**
 * Quotes and distinct documents per topic. With `includeDescendants`, a quote coded with a
 * subtopic also counts for every ancestor (once, however many of its subtopics it carries).
 */
export function topicCounts(annotations: readonly Annotation[], tree: TopicTree, topicIds: readonly string[], includeDescendants = false): TopicCount[] {
  const quotes = new Map<string, number>();
  const documents = new Map<string, Set<string>>();
  for (const annotation of annotations) {
    const credited = new Set<string>();
    for (const id of annotation.topicIds) {
      if (includeDescendants) for (const topic of tree.ancestry(id)) credited.add(topic.id);
      else credited.add(id);
    }
    for (const id of credited) {
      quotes.set(id, (quotes.get(id) ?? 0) + 1);
      let docs = documents.get(id);
      if (!docs) documents.set(id, (docs = new Set()));
      docs.add(annotation.docId);
    }
  }
  return topicIds.map((topicId) => ({
    topicId,
    path: tree.path(topicId),
    quotes: quotes.get(topicId) ?? 0,
    documents: documents.get(topicId)?.size ?? 0,
  }));
}
