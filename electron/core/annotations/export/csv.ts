import { toCsv, type CsvCell, type CsvOptions } from '../../text/csv';
import type { TopicTree } from '../../topics';
import type { Annotation } from '../annotation-schema';
import type { CorpusLookup } from '../corpus-lookup';

export const csvColumns = ['document', 'page', 'quote', 'note', 'topic', 'entities', 'recommendations', 'created'] as const;

/**
 * One row per quote and topic, so a spreadsheet can pivot by topic; a quote with no topic
 * still gets one row, with the topic empty. Written by the shared CSV writer (quoting,
 * formula neutralising, optional BOM).
 */
export function exportAnnotationsCsv(annotations: readonly Annotation[], context: { topics: TopicTree; lookup: CorpusLookup }, options: CsvOptions = {}): string {
  const { topics, lookup } = context;
  const rows: CsvCell[][] = [[...csvColumns]];
  for (const annotation of annotations) {
    const base = {
      document: lookup.documentTitle?.(annotation.docId) ?? annotation.docId,
      page: annotation.target.selectors.page?.page,
      quote: annotation.target.selectors.quote.exact,
      note: annotation.note,
      entities: annotation.entityIds.map((id) => lookup.entityName?.(id) ?? id).join('; '),
      recommendations: annotation.recommendationIds.map((id) => lookup.recommendationLabel?.(id) ?? id).join('; '),
      created: annotation.createdAt,
    };
    const topicPaths = annotation.topicIds.length > 0 ? annotation.topicIds.map((id) => topics.path(id) || id) : [''];
    for (const topic of topicPaths) {
      rows.push([base.document, base.page, base.quote, base.note, topic, base.entities, base.recommendations, base.created]);
    }
  }
  return toCsv(rows, options);
}
