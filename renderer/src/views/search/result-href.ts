import type { SearchResult } from '../../../../electron/core/search/types';
import { footnoteHref, passageHref, routeHref } from '../../app/routes';

/**
 * Where a result opens: the thing itself, not a list it belongs to. Passages, footnotes,
 * recommendations and annotations open the reader at their passage; a footnote opens the
 * note itself (at the passage citing it); entities, topics and drafts open their own pages.
 */
export function resultHref(result: Pick<SearchResult, 'type' | 'docId' | 'document'>): string {
  const { document } = result;
  const docId = result.docId ?? document.docId;
  switch (result.type) {
    case 'entity':
      return routeHref('entities', [document.sourceId]);
    case 'topic':
      return routeHref('topics', [document.sourceId]);
    case 'draft':
      return routeHref('drafts', [document.sourceId]);
    case 'document':
      return routeHref('reader', [document.sourceId]);
    case 'footnote': {
      const number = Number(/#fn(\d+)$/.exec(document.sourceId)?.[1]);
      if (docId && Number.isInteger(number) && number > 0) return footnoteHref(docId, document.passageId, number);
      return docId ? routeHref('reader', [docId]) : routeHref('search');
    }
    case 'passage':
    case 'recommendation':
    case 'annotation':
      if (docId && document.passageId) return passageHref(docId, document.passageId);
      // A footnote no passage cites, or an orphaned annotation: its paper at least.
      return docId ? routeHref('reader', [docId]) : routeHref('search');
  }
}
