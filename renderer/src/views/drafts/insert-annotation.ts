import type { Editor } from '@tiptap/core';
import { api } from '../../api/client';
import { citationNodeName, type CitationAttrs } from '../../../../electron/common/drafts/citation-node';

/**
 * A dropped annotation becomes a block quote of its exact words, ending with a citation of
 * the annotation (page prefilled), inserted after the block it was dropped on.
 */
export async function insertDroppedAnnotation(editor: Editor, annotationId: string, insertAt: number): Promise<void> {
  const annotation = await api.invoke('annotations.get', { id: annotationId });
  const page = annotation.target.selectors.page?.page;
  const attrs: CitationAttrs = {
    targetKind: 'annotation',
    targetId: annotation.id,
    docId: annotation.docId,
    locator: page === undefined ? null : String(page),
    prefix: null,
    suffix: null,
    suppressAuthor: false,
  };
  if (editor.isDestroyed) return;
  const at = Math.min(insertAt, editor.state.doc.content.size);
  editor
    .chain()
    .focus()
    .insertContentAt(at, {
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: `${annotation.target.selectors.quote.exact.trim()} ` }, { type: citationNodeName, attrs: { ...attrs } }] }],
    })
    .run();
}
