import { toCsv, type CsvCell, type CsvOptions } from '../../text/csv';
import type { TopicTree } from '../../topics';
import type { Annotation } from '../annotation-schema';
import type { CorpusLookup } from '../corpus-lookup';
import { codingFields } from './coding-fields';

/**
 * `speaker` came last (after `created`), then `start` and `end` (seconds into the recording,
 * for quotes of timed transcripts), so spreadsheets built on the older columns still line up; case attributes follow them.
 */
export const csvColumns = ['document', 'page', 'quote', 'note', 'topic', 'entities', 'recommendations', 'created', 'speaker', 'start', 'end'] as const;

/**
 * One row per quote and topic (its full path), so a spreadsheet can pivot by topic; a quote
 * with no topic still gets one row, with the topic empty. The speaker is the one of the
 * passage the quote starts in (imported transcripts). Written by the shared CSV writer
 * (quoting, formula neutralising for every text cell, optional BOM).
 */
export function exportAnnotationsCsv(annotations: readonly Annotation[], context: { topics: TopicTree; lookup: CorpusLookup }, options: CsvOptions = {}): string {
  const { topics, lookup } = context;
  const codings = annotations.map((annotation) => codingFields(annotation, topics, lookup));
  // One column per case attribute (municipality, age group…) after the fixed ones, so a spreadsheet can pivot by them.
  const attributeNames = [...new Set(codings.flatMap((coding) => Object.keys(coding.attributes)))].sort((a, b) => a.localeCompare(b));
  const rows: CsvCell[][] = [[...csvColumns, ...attributeNames]];
  for (const [index, annotation] of annotations.entries()) {
    const coding = codings[index]!;
    const document = lookup.documentTitle?.(annotation.docId) ?? annotation.docId;
    const page = annotation.target.selectors.page?.page;
    const quote = annotation.target.selectors.quote.exact;
    const entities = coding.entities.join('; ');
    const recommendations = coding.recommendations.join('; ');
    for (const topic of coding.topics.length > 0 ? coding.topics : ['']) {
      rows.push([document, page, quote, annotation.note, topic, entities, recommendations, annotation.createdAt, coding.speaker ?? '', coding.timeSpan?.start, coding.timeSpan?.end, ...attributeNames.map((name) => coding.attributes[name] ?? '')]);
    }
  }
  return toCsv(rows, options);
}
