import { documentRangeToPassages } from '../../anchoring/document-text';
import type { TopicService } from '../../topics';
import type { AnnotationView, TopicSummary } from '../methods';
import type { Annotation } from '../annotation-schema';
import type { AnnotationService } from '../annotation-service';
import type { CorpusLookup } from '../corpus-lookup';
import { timeSpanOfRanges } from '../time-span';

/** An annotation with the names of what it points at, so views need no second call. */
export function toAnnotationView(annotation: Annotation, topics: TopicService, lookup: CorpusLookup, annotations: Pick<AnnotationService, 'coderOf' | 'lastEditorOf'>): AnnotationView {
  const tree = topics.tree();
  const speaker = lookup.getPassage(annotation.target.passageIds[0] ?? '')?.speaker;
  const { start, end } = annotation.target.selectors.position;
  const doc = annotation.anchorStatus === 'orphan' ? undefined : lookup.getDocumentText(annotation.docId);
  // An orphan has no place in the current text, so it gets no highlight.
  const ranges = doc && end <= doc.text.length ? documentRangeToPassages(doc, start, end) : [];
  const timeSpan = timeSpanOfRanges(ranges, (id) => lookup.getPassage(id));
  return {
    ...annotation,
    documentTitle: lookup.documentTitle?.(annotation.docId) ?? annotation.docId,
    topics: annotation.topicIds.map((id) => ({ id, path: tree.path(id) || id, color: tree.get(id)?.color ?? '#888888' })),
    entities: annotation.entityIds.map((id) => ({ id, name: lookup.entityName?.(id) ?? id })),
    recommendations: annotation.recommendationIds.map((id) => ({ id, label: lookup.recommendationLabel?.(id) ?? id })),
    ...(speaker ? { speaker } : {}),
    coder: annotations.coderOf(annotation),
    editedBy: annotations.lastEditorOf(annotation),
    ranges,
    ...(timeSpan ? { timeSpan } : {}),
  };
}

/** Every topic in tree order (parents before their children), with its counts. */
export function topicSummaries(topics: TopicService, annotations: AnnotationService): TopicSummary[] {
  const tree = topics.tree();
  const own = new Map(annotations.topicCounts().map((count) => [count.topicId, count]));
  const withSubtopics = new Map(annotations.topicCounts({ includeDescendants: true }).map((count) => [count.topicId, count.quotes]));
  const summaries: TopicSummary[] = [];
  const visit = (parentId: string | undefined, depth: number) => {
    const children = [...tree.children(parentId)].sort((a, b) => a.name.localeCompare(b.name));
    for (const topic of children) {
      summaries.push({
        ...topic,
        path: tree.path(topic.id),
        depth,
        quotes: own.get(topic.id)?.quotes ?? 0,
        documents: own.get(topic.id)?.documents ?? 0,
        quotesWithSubtopics: withSubtopics.get(topic.id) ?? 0,
      });
      visit(topic.id, depth + 1);
    }
  };
  visit(undefined, 0);
  return summaries;
}

export function topicSummary(id: string, topics: TopicService, annotations: AnnotationService): TopicSummary {
  const found = topicSummaries(topics, annotations).find((summary) => summary.id === id);
  if (!found) throw new Error(`Topic ${id} vanished while it was being described.`);
  return found;
}
