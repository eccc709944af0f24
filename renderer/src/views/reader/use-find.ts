import { useCallback, useEffect, useState } from 'react';
import { findInPages, firstHitFrom, stepHit } from './find-in-document';
import type { FindHit } from './find-in-document';
import type { LoadedPdf } from './use-pdf-document';
import type { PageText } from './page-text';

export interface FindState {
  open: boolean;
  query: string;
  hits: FindHit[];
  current: number;
  searching: boolean;
  /** Bumps on every move, so the same hit is scrolled to again when asked. */
  nonce: number;
}

/** Find in the PDF's text: all pages' text is extracted once, then searched as the user types. */
export function useFind(pdf: LoadedPdf | undefined, currentPage: () => number) {
  const [state, setState] = useState<FindState>({ open: false, query: '', hits: [], current: -1, searching: false, nonce: 0 });
  const [texts, setTexts] = useState<PageText[] | undefined>();

  useEffect(() => {
    if (!pdf || !state.open || texts) return;
    let current = true;
    void Promise.all(Array.from({ length: pdf.doc.numPages }, (_, index) => pdf.pageText(index + 1).then((page) => page.text))).then((all) => {
      if (current) setTexts(all);
    });
    return () => {
      current = false;
    };
  }, [pdf, state.open, texts]);

  useEffect(() => {
    if (!texts) return;
    setState((previous) => {
      const hits = findInPages(texts, previous.query);
      return { ...previous, hits, current: firstHitFrom(hits, currentPage()), searching: false, nonce: previous.nonce + 1 };
    });
    // currentPage is read once per query, on purpose: moving around must not restart the search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [texts, state.query]);

  const setQuery = useCallback((query: string) => setState((previous) => ({ ...previous, query, searching: true })), []);
  const step = useCallback(
    (direction: 1 | -1) => setState((previous) => ({ ...previous, current: stepHit(previous.current, previous.hits.length, direction), nonce: previous.nonce + 1 })),
    [],
  );
  const open = useCallback(() => setState((previous) => ({ ...previous, open: true })), []);
  const close = useCallback(() => setState((previous) => ({ ...previous, open: false, query: '', hits: [], current: -1 })), []);
  return { state, setQuery, step, open, close };
}
