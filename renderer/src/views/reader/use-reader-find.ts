import { useCallback, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { LoadedPdf } from './use-pdf-document';
import { usePdfFind } from './use-find';
import { useTextFind } from './use-text-find';

/** Which view find searches: the one the reader is in, never one that is hidden. */
export type FindScope = 'pdf' | 'text';

interface Options {
  pdf: LoadedPdf | undefined;
  textRoot: RefObject<HTMLElement | null>;
  showPdf: boolean;
  showText: boolean;
  currentPage: () => number;
}

/**
 * The reader's one find: it searches the view the reader is working in (the PDF's pages or
 * the structured text, of any document, imported ones too), with a hit count and
 * next/previous. Opening it never shows a hidden view; with both shown the bar can switch.
 */
export function useReaderFind({ pdf, textRoot, showPdf, showText, currentPage }: Options) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [chosenScope, setScope] = useState<FindScope>('text');
  const [step, setStep] = useState<{ direction: 1 | -1 | 0; nonce: number }>({ direction: 0, nonce: 0 });
  const [focusNonce, setFocusNonce] = useState(0);
  // A scope whose view was hidden meanwhile falls back to the one shown.
  const scope: FindScope = chosenScope === 'pdf' ? (showPdf ? 'pdf' : 'text') : showText ? 'text' : 'pdf';

  const pdfFind = usePdfFind(pdf, query, open && scope === 'pdf', step, currentPage);
  const textFind = useTextFind(textRoot, query, open && scope === 'text', step);

  const lastScope = useRef(scope);
  lastScope.current = scope;
  /** Opens find (or focuses it again) in the given view, or the one in use. */
  const openFind = useCallback((wanted?: FindScope) => {
    if (wanted) setScope(wanted);
    setOpen(true);
    setFocusNonce((value) => value + 1);
  }, []);
  const close = useCallback(() => {
    setOpen(false);
    setQuery('');
  }, []);
  const move = useCallback((direction: 1 | -1) => setStep((previous) => ({ direction, nonce: previous.nonce + 1 })), []);

  const results = scope === 'pdf' ? { count: pdfFind.hits.length, current: pdfFind.current, searching: pdfFind.searching } : { count: textFind.count, current: textFind.current, searching: false };
  return {
    open,
    query,
    scope,
    ...results,
    focusNonce,
    pdfFind,
    canSwitch: showPdf && showText,
    setQuery,
    setScope,
    openFind,
    close,
    move,
  };
}
