import { documentRangeToPassages, type DocumentText } from '../anchoring/document-text';
import type { Topic } from '../topics';
import type { Annotation } from './annotation-schema';
import type { CorpusLookup } from './corpus-lookup';
import { timeSpanOf } from './time-span';

/** How much of the passage around a quote the topic page shows, each side. */
export const contextChars = 240;

export interface TopicPageQuote {
  annotationId: string;
  docId: string;
  documentTitle: string;
  /** The passage to open when the quote is clicked (the first, for a quote over several). */
  passageId: string;
  page?: number;
  /** Who said it, for transcript passages. */
  speaker?: string;
  /** On a timed transcript: when it is said in the recording, in seconds. */
  timeSpan?: { start: number; end: number };
  quote: string;
  /** The passage text around the quote, clipped to `contextChars` each side. */
  before: string;
  after: string;
  note: string;
  topicIds: string[];
  anchorStatus: Annotation['anchorStatus'];
  /** The attributes of its cases (document and speaker), for grouping; absent when none. */
  attributes?: Record<string, string>;
}

export interface TopicPage {
  topic: Topic;
  path: string;
  quotes: TopicPageQuote[];
}

export function topicPageQuote(annotation: Annotation, lookup: CorpusLookup, documentText: (docId: string) => DocumentText | undefined): TopicPageQuote {
  const { quote, position, page } = annotation.target.selectors;
  const firstPassageId = annotation.target.passageIds[0]!;
  const passage = lookup.getPassage(firstPassageId);
  const attributes = lookup.caseAttributes?.(annotation.docId, passage?.speaker) ?? {};
  const context = annotation.anchorStatus === 'orphan' ? undefined : passageContext(documentText(annotation.docId), position.start, position.end);
  return {
    annotationId: annotation.id,
    docId: annotation.docId,
    documentTitle: lookup.documentTitle?.(annotation.docId) ?? annotation.docId,
    passageId: firstPassageId,
    ...(page ? { page: page.page } : passage ? { page: passage.page } : {}),
    ...(passage?.speaker ? { speaker: passage.speaker } : {}),
    ...withTimeSpan(annotation, lookup),
    quote: context?.quote ?? quote.exact,
    before: context?.before ?? '',
    after: context?.after ?? '',
    note: annotation.note,
    topicIds: [...annotation.topicIds],
    anchorStatus: annotation.anchorStatus,
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  };
}

/** Text from the start of the first covered passage and up to the end of the last. */
function passageContext(doc: DocumentText | undefined, start: number, end: number): { before: string; quote: string; after: string } | undefined {
  if (!doc || end > doc.text.length) return undefined;
  const ranges = documentRangeToPassages(doc, start, end);
  const first = ranges[0];
  const last = ranges.at(-1);
  if (!first || !last) return undefined;
  const firstSpan = doc.spans.find((span) => span.passageId === first.passageId)!;
  const lastSpan = doc.spans.find((span) => span.passageId === last.passageId)!;
  return {
    before: clipStart(doc.text.slice(firstSpan.start, start)),
    quote: doc.text.slice(start, end),
    after: clipEnd(doc.text.slice(end, lastSpan.end)),
  };
}

function clipStart(text: string): string {
  return text.length <= contextChars ? text : `…${text.slice(text.length - contextChars).replace(/^\S*\s/, '')}`;
}

function clipEnd(text: string): string {
  return text.length <= contextChars ? text : `${text.slice(0, contextChars).replace(/\s\S*$/, '')}…`;
}

function withTimeSpan(annotation: Annotation, lookup: CorpusLookup): { timeSpan?: { start: number; end: number } } {
  const timeSpan = timeSpanOf(annotation, lookup);
  return timeSpan ? { timeSpan } : {};
}
