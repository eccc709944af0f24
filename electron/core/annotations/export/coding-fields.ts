import type { TopicTree } from '../../topics';
import type { Annotation } from '../annotation-schema';
import type { CorpusLookup } from '../corpus-lookup';
import { timeSpanOf, type TimeSpan } from '../time-span';

/** What a quote was coded with, as names a reader of an export understands. */
export interface CodingFields {
  /** The speaker of the passage the quote starts in (imported transcripts' turns). */
  speaker?: string;
  /** Full paths: "Security / Trust in police". */
  topics: string[];
  entities: string[];
  recommendations: string[];
  /** On a timed transcript: when the quote is said in the recording. */
  timeSpan?: TimeSpan;
  /** The attributes of the quote's cases (its document's and its speaker's). */
  attributes: Record<string, string>;
}

/** The speaker of the passage a quote starts in, where the passage has one. */
export function speakerOf(annotation: Annotation, lookup: CorpusLookup): string | undefined {
  return lookup.getPassage(annotation.target.passageIds[0] ?? '')?.speaker || undefined;
}

export function codingFields(annotation: Annotation, topics: TopicTree | undefined, lookup: CorpusLookup): CodingFields {
  const speaker = speakerOf(annotation, lookup);
  const timeSpan = timeSpanOf(annotation, lookup);
  return {
    ...(speaker ? { speaker } : {}),
    ...(timeSpan ? { timeSpan } : {}),
    topics: annotation.topicIds.map((id) => topics?.path(id) || id),
    entities: annotation.entityIds.map((id) => lookup.entityName?.(id) ?? id),
    recommendations: annotation.recommendationIds.map((id) => lookup.recommendationLabel?.(id) ?? id),
    attributes: lookup.caseAttributes?.(annotation.docId, speaker) ?? {},
  };
}
