import type { TopicTree } from '../../topics/topic-tree';
import type { Annotation } from '../annotation-schema';
import type { CorpusLookup } from '../corpus-lookup';

export const csvColumns = ['document', 'page', 'quote', 'note', 'topic', 'entities', 'recommendations', 'created'] as const;

/** RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One row per quote and topic, so a spreadsheet can pivot by topic; a quote with no topic
 * still gets one row, with the topic empty. Lines end in CRLF as RFC 4180 says.
 */
export function exportAnnotationsCsv(annotations: readonly Annotation[], context: { topics: TopicTree; lookup: CorpusLookup }): string {
  const { topics, lookup } = context;
  const rows: string[][] = [[...csvColumns]];
  for (const annotation of annotations) {
    const base = {
      document: lookup.documentTitle?.(annotation.docId) ?? annotation.docId,
      page: annotation.target.selectors.page ? String(annotation.target.selectors.page.page) : '',
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
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
