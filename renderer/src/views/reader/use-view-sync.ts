import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Passage } from '../../../../electron/core/corpus/schema';
import { useApi } from '../../api/use-api';
import type { OutlineEntry } from './use-pdf-document';
import { adjacentPassage, passageForClickedText, passageForPage } from './page-passage-map';
import { startingPlace } from './reading-position';
import { useSaveReadingPosition } from './use-reading-position';
import { initialViewSync, viewSyncReducer, type PdfView, type TextView } from './view-sync';

interface Options {
  docId: string;
  passages: readonly Passage[];
  byId: ReadonlyMap<string, Passage>;
  /** The passage a deep link asks for. */
  deepLinkPassageId?: string;
  showText: boolean;
  showPdf: boolean;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The reader's place: which passage is marked, where each view should go, and where the
 * paper opens (a deep link, else where the reader left it, which is saved as they move).
 * The decisions are the pure reducer in view-sync.ts; this hook feeds it the panes' reports.
 */
export function useViewSync({ docId, passages, byId, deepLinkPassageId, showText, showPdf }: Options) {
  const [state, dispatch] = useReducer(viewSyncReducer, initialViewSync);

  const goToPassage = useCallback((passage: Passage, options: { highlight: boolean; scrollText?: boolean }) => dispatch({ type: 'go-to-passage', passage, ...options }), []);

  // Where the paper opens: the deep link, else where the reader left it.
  const saved = useApi('settings.readingPosition', { docId });
  const opened = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (passages.length === 0 || saved.status === 'loading') return;
    const key = deepLinkPassageId ?? '(saved)';
    if (opened.current === key) return;
    opened.current = key;
    const place = startingPlace({ deepLinkPassageId, saved: saved.status === 'ready' ? saved.data : null, passageIds: new Set(byId.keys()) });
    dispatch({ type: 'open-at', place, passages });
  }, [passages, saved, deepLinkPassageId, byId]);

  useSaveReadingPosition(docId, state.place);

  const onPdfViewChange = useCallback((view: PdfView, byUser: boolean) => dispatch({ type: 'pdf-scrolled', view, byUser, passages, textShown: showText }), [passages, showText]);
  const onTextViewChange = useCallback((view: TextView, byUser: boolean) => dispatch({ type: 'text-scrolled', view, byUser, pdfShown: showPdf }), [showPdf]);
  const onPdfTextClick = useCallback(
    (page: number, text: string) => {
      const passage = passageForClickedText(passages, page, text);
      if (passage) goToPassage(passage, { highlight: true });
    },
    [passages, goToPassage],
  );
  const onTextPassageClick = useCallback((passage: Passage) => goToPassage(passage, { highlight: true, scrollText: false }), [goToPassage]);
  const onOutline = useCallback(
    (entry: OutlineEntry) => {
      // The outline is the sections' headings: show the same heading in the text.
      const heading = passages.find((passage) => passage.kind === 'heading' && passage.page === entry.page && normalise(passage.text) === normalise(entry.title));
      const passage = heading ?? passageForPage(passages, entry.page);
      dispatch({ type: 'outline', page: entry.page, ...(entry.pointFromTop !== undefined ? { pointFromTop: Math.max(0, entry.pointFromTop - 24) } : {}), ...(passage ? { passage } : {}) });
    },
    [passages],
  );
  const goToPage = useCallback((page: number) => dispatch({ type: 'go-to-page', page }), []);

  const stateRef = useRef(state);
  stateRef.current = state;
  /** j/k: the next or previous passage of the body, from the marked one or the one at the top. */
  const movePassage = useCallback(
    (direction: 1 | -1) => {
      const from = stateRef.current.active?.passageId ?? stateRef.current.textView.top?.id;
      const passage = adjacentPassage(
        passages.filter((item) => !item.backMatter),
        from,
        direction,
      );
      if (passage) goToPassage(passage, { highlight: true });
    },
    [passages, goToPassage],
  );

  return { state, goToPassage, onPdfViewChange, onTextViewChange, onPdfTextClick, onTextPassageClick, onOutline, goToPage, movePassage };
}
