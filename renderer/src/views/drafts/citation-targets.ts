import type { SearchResult } from '../../../../electron/core/search/types';
import type { CitationAttrs } from '../../../../electron/common/drafts/citation-node';

/** What the picker searches: things a citation can point at. */
export const citableTypes = ['passage', 'annotation', 'document'] as const;

/** A search hit as a citation: a passage or annotation cites its page; a document cites the whole work. */
export function citationFromResult(result: SearchResult): CitationAttrs | undefined {
  const kind = result.type;
  if (kind !== 'passage' && kind !== 'annotation' && kind !== 'document') return undefined;
  const docId = result.docId ?? result.document.docId ?? (kind === 'document' ? result.document.sourceId : undefined);
  if (!docId) return undefined;
  const page = kind === 'document' ? undefined : result.document.page;
  return {
    targetKind: kind,
    targetId: result.document.sourceId,
    docId,
    locator: page === undefined ? null : String(page),
    prefix: null,
    suffix: null,
    suppressAuthor: false,
  };
}
