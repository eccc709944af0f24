import { useEffect, useRef, useState } from 'react';
import { findInPages, firstHitFrom, stepHit } from './find-in-document';
import type { FindHit } from './find-in-document';
import type { LoadedPdf } from './use-pdf-document';
import type { PageText } from './page-text';

/**
 * Find in the PDF's text: all pages' text is extracted once (on the first find), then
 * searched as the user types. A new query starts at the page the reader is on.
 */
export function usePdfFind(pdf: LoadedPdf | undefined, query: string, active: boolean, step: { direction: 1 | -1 | 0; nonce: number }, currentPage: () => number) {
  const [texts, setTexts] = useState<PageText[] | undefined>();
  const [state, setState] = useState<{ hits: FindHit[]; current: number; nonce: number }>({ hits: [], current: -1, nonce: 0 });

  useEffect(() => {
    if (!pdf || !active || texts) return;
    let current = true;
    void Promise.all(Array.from({ length: pdf.doc.numPages }, (_, index) => pdf.pageText(index + 1).then((page) => page.text))).then((all) => {
      if (current) setTexts(all);
    });
    return () => {
      current = false;
    };
  }, [pdf, active, texts]);

  const page = useRef(currentPage);
  page.current = currentPage;
  useEffect(() => {
    if (!texts || !active) {
      setState((previous) => (previous.hits.length === 0 ? previous : { hits: [], current: -1, nonce: previous.nonce + 1 }));
      return;
    }
    const hits = findInPages(texts, query);
    // The page is read once per query, on purpose: moving around must not restart the search.
    setState((previous) => ({ hits, current: firstHitFrom(hits, page.current()), nonce: previous.nonce + 1 }));
  }, [texts, query, active]);

  useEffect(() => {
    if (step.direction === 0) return;
    setState((previous) => ({ ...previous, current: stepHit(previous.current, previous.hits.length, step.direction as 1 | -1), nonce: previous.nonce + 1 }));
  }, [step.nonce, step.direction]);

  return { ...state, searching: active && !!query.trim() && !texts };
}
