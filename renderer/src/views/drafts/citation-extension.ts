import { ReactNodeViewRenderer } from '@tiptap/react';
import { CitationNode } from '../../../../electron/common/drafts/citation-node';
import { CitationView } from './CitationView';
import { FormattingStore } from './formatting-store';

export interface CitationStorage {
  formatting: FormattingStore;
  /** Set by the editor: opens a citation's source (after saving). */
  onOpen?: (href: string) => void;
}

declare module '@tiptap/core' {
  interface Storage {
    citation: CitationStorage;
  }
}

/** The shared citation node plus what only the editor needs: its React view and the formatting store. */
export const CitationExtension = CitationNode.extend({
  addStorage(): CitationStorage {
    return { formatting: new FormattingStore() };
  },
  addNodeView() {
    return ReactNodeViewRenderer(CitationView, { as: 'span' });
  },
});
