import type { TopicTree } from '../topics';
import type { Annotation } from './annotation-schema';
import type { CorpusLookup } from './corpus-lookup';
import type { ColorKey } from './palette';
import { foldCase } from '../../common/text/fold';

export interface AnnotationFilter {
  docId?: string;
  topicId?: string;
  /** With `topicId`: also quotes coded with any topic below it. */
  includeDescendants?: boolean;
  entityId?: string;
  recommendationId?: string;
  color?: ColorKey;
  anchorStatus?: Annotation['anchorStatus'];
  /** The coder's user id (who made the annotation). */
  coder?: string;
  /** Only quotes whose passage has this speaker (imported transcripts' turns); case-insensitive. */
  speaker?: string;
  /** Only quotes whose cases (their document's or their speaker's) give this attribute this value. */
  attribute?: { name: string; value: string };
  /** Case- and accent-insensitive, over the quote, the note and the names of its topics and entities. */
  text?: string;
}

/** Applies every given criterion (AND); results in document order, then position. */
export function filterAnnotations(
  candidates: readonly Annotation[],
  filter: AnnotationFilter,
  context: { topics: TopicTree; lookup: CorpusLookup; coderOf?: (annotation: Annotation) => string },
): Annotation[] {
  let topicIds: Set<string> | undefined;
  if (filter.topicId !== undefined) {
    topicIds = new Set([filter.topicId]);
    if (filter.includeDescendants) for (const topic of context.topics.descendants(filter.topicId)) topicIds.add(topic.id);
  }
  const needle = filter.text?.trim() ? foldCase(filter.text.trim()) : undefined;

  const matches = candidates.filter((annotation) => {
    if (filter.docId !== undefined && annotation.docId !== filter.docId) return false;
    if (filter.color !== undefined && annotation.color !== filter.color) return false;
    if (filter.coder !== undefined && (context.coderOf?.(annotation) ?? annotation.createdBy) !== filter.coder) return false;
    if (filter.anchorStatus !== undefined && annotation.anchorStatus !== filter.anchorStatus) return false;
    if (filter.entityId !== undefined && !annotation.entityIds.includes(filter.entityId)) return false;
    if (filter.recommendationId !== undefined && !annotation.recommendationIds.includes(filter.recommendationId)) return false;
    if (topicIds && !annotation.topicIds.some((id) => topicIds.has(id))) return false;
    if (filter.speaker !== undefined || filter.attribute !== undefined) {
      const speaker = context.lookup.getPassage(annotation.target.passageIds[0] ?? '')?.speaker;
      if (filter.speaker !== undefined && speaker?.toLocaleLowerCase() !== filter.speaker.trim().toLocaleLowerCase()) return false;
      if (filter.attribute !== undefined && context.lookup.caseAttributes?.(annotation.docId, speaker)[filter.attribute.name] !== filter.attribute.value) return false;
    }
    if (needle !== undefined && !foldedSearchText(annotation, context).includes(needle)) return false;
    return true;
  });
  return matches.sort(byDocumentPosition);
}

/**
 * Folding (NFD + lower case) dominates a free-text scan of 10,000 annotations, so the folded
 * text is kept per record. Records are replaced, never mutated, when edited, and the topic
 * tree is rebuilt when topics change, so a hit with the same tree is still correct.
 */
const foldedCache = new WeakMap<Annotation, { topics: TopicTree; text: string }>();

function foldedSearchText(annotation: Annotation, context: { topics: TopicTree; lookup: CorpusLookup }): string {
  const cached = foldedCache.get(annotation);
  if (cached && cached.topics === context.topics) return cached.text;
  const text = foldCase(searchableText(annotation, context));
  foldedCache.set(annotation, { topics: context.topics, text });
  return text;
}

/** Everything free-text search looks at, one field per line so words never run together. */
export function searchableText(annotation: Annotation, context: { topics: TopicTree; lookup: CorpusLookup }): string {
  return [
    annotation.target.selectors.quote.exact,
    annotation.note,
    ...annotation.topicIds.map((id) => context.topics.path(id)),
    ...annotation.entityIds.map((id) => context.lookup.entityName?.(id) ?? ''),
  ].join('\n');
}

export function byDocumentPosition(a: Annotation, b: Annotation): number {
  if (a.docId !== b.docId) return a.docId < b.docId ? -1 : 1;
  return a.target.selectors.position.start - b.target.selectors.position.start;
}
