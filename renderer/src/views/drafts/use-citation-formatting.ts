import type { Editor } from '@tiptap/core';
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../../api/client';
import type { DraftContent } from '../../../../electron/core/drafts/model';
import type { CitationStyleId } from '../../../../electron/core/citations/styles';
import { citationKeysOf, type FormattingState, type FormattingStore } from './formatting-store';

/**
 * Keeps the citations and bibliography formatted while the author writes: whenever the
 * list of citations or the style changes, core formats the current document again and
 * every citation view and the bibliography re-render from the shared store; and when
 * annotations or references change, since a citation of a deleted quote or reference is
 * shown as such.
 */
export function useCitationFormatting(editor: Editor | null, style: CitationStyleId, store: FormattingStore | undefined): FormattingState {
  const state = useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.get ?? emptyState);

  useEffect(() => {
    if (!editor || !store) return;
    let requested = '';
    let generation = 0;
    const format = () => {
      const keys = citationKeysOf(editor.state.doc);
      const signature = `${style}|${keys.join('|')}`;
      if (signature === requested) return;
      requested = signature;
      const mine = ++generation;
      api.invoke('drafts.format', { content: editor.getJSON() as DraftContent, style }).then(
        (result) => {
          if (mine === generation) store.set({ result, keys });
        },
        (failure: Error) => {
          if (mine === generation) store.set({ ...store.get(), error: failure.message });
          requested = '';
        },
      );
    };
    format();
    editor.on('update', format);
    // A cited annotation deleted or brought back (here, by undo, or in another process): format again.
    const stopListening = api.subscribe('annotations.changed', () => {
      requested = '';
      format();
    });
    // So does a cited reference deleted, brought back or merged with new details.
    const stopReferences = api.subscribe('references.changed', () => {
      requested = '';
      format();
    });
    return () => {
      editor.off('update', format);
      stopListening();
      stopReferences();
    };
  }, [editor, style, store]);

  return state;
}

const empty: FormattingState = { keys: [] };
const emptyState = () => empty;
const noSubscribe = () => () => undefined;
