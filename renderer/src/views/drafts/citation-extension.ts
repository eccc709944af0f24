import { ReactNodeViewRenderer } from '@tiptap/react';
import { CitationNodeSpec } from './citation-node-spec';
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
export const CitationExtension = CitationNodeSpec.extend({
  addStorage(): CitationStorage {
    return { formatting: new FormattingStore() };
  },
  addNodeView() {
    return ReactNodeViewRenderer(CitationView, { as: 'span' });
  },
});
