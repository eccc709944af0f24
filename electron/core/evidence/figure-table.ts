import type { CitationAttrs, TiptapNode } from '../drafts/index';
import type { FigureGroup } from './figures';

/**
 * A figure group as a table a draft can hold: one row per figure, its paper, the figure as
 * printed, the date it refers to, and a citation to the passage that states it, so the
 * bibliography and the links back to the source come with it. (Inserting it from the views
 * waits for the reworked draft editor; this is the content it will insert.)
 */
export function figureGroupTable(group: FigureGroup, docTitle: (docId: string) => string): TiptapNode {
  const text = (value: string): TiptapNode[] => (value ? [{ type: 'text', text: value }] : []);
  const cell = (type: 'tableHeader' | 'tableCell', content: TiptapNode[]): TiptapNode => ({ type, content: [{ type: 'paragraph', ...(content.length ? { content } : {}) }] });
  const citation = (passageId: string, docId: string): TiptapNode => {
    const attrs: CitationAttrs = { targetKind: 'passage', targetId: passageId, docId, locator: null, prefix: null, suffix: null, suppressAuthor: false };
    return { type: 'citation', attrs: { ...attrs } };
  };
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: [group.subject, 'Figure', 'As of', 'Source'].map((h) => cell('tableHeader', text(h))) },
      ...group.figures.map(
        (f): TiptapNode => ({
          type: 'tableRow',
          content: [cell('tableCell', text(docTitle(f.docId))), cell('tableCell', text(f.label)), cell('tableCell', text(f.asOfLabel ?? '')), cell('tableCell', [citation(f.passageId, f.docId)])],
        }),
      ),
    ],
  };
}
