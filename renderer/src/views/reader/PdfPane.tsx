import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { PdfPage } from './PdfPage';
import type { PageHighlights } from './PdfPage';
import type { AnnotationView } from '../../../../electron/core/api/methods/annotations';
import type { HighlightColoring } from '../../../../electron/core/settings/methods';
import type { FindHit } from './find-in-document';
import { currentPage, layoutPages, panePadding, scrollTopFor, visiblePages } from './page-layout';
import { fitPageZoom, fitWidthZoom } from './zoom';
import type { ZoomMode } from './zoom';
import type { LoadedPdf } from './use-pdf-document';
import './PdfPane.css';
import type { PdfView } from './view-sync';

export type { PdfView } from './view-sync';

export interface PdfPaneHandle {
  view(): PdfView;
}

/** Find in the PDF, as the reader's find asks for it: every hit, the current one, a nonce per move. */
export interface PdfFind {
  hits: readonly FindHit[];
  current: number;
  nonce: number;
}

const noFind: PdfFind = { hits: [], current: -1, nonce: 0 };

interface Props {
  pdf: LoadedPdf;
  zoomMode: ZoomMode;
  customZoom: number;
  /** The passage highlighted in both views, with the page it starts on. */
  passage?: { text: string; page: number; nonce: number };
  /** Go to a page (outline, page field, the other view); the nonce repeats a request. */
  target?: { page: number; pointFromTop?: number; nonce: number; quiet?: boolean };
  onZoomResolved: (zoom: number) => void;
  onViewChange: (view: PdfView, byUser: boolean) => void;
  onTextClick: (page: number, text: string) => void;
  onFirstPageRendered?: () => void;
  /** The paper's annotations, drawn into each page's text layer. */
  annotations?: readonly AnnotationView[];
  highlightColoring?: HighlightColoring;
  find?: PdfFind;
}

/** How far beyond the viewport pages are drawn ahead of time (and kept). */
const nearMargin = '120% 0px';

/**
 * The PDF, as a scrolling column of pages. Only pages near the viewport are drawn (an
 * IntersectionObserver on sized placeholders); the rest are empty boxes of the right size,
 * so the scroll bar and page positions are right from the start.
 */
export const PdfPane = forwardRef<PdfPaneHandle, Props>(function PdfPane(
  { pdf, zoomMode, customZoom, passage, target, onZoomResolved, onViewChange, onTextClick, onFirstPageRendered, annotations, highlightColoring, find = noFind },
  ref,
) {
  const scroller = useRef<HTMLDivElement>(null);
  const [paneSize, setPaneSize] = useState({ width: 0, height: 0 });
  const [near, setNear] = useState<Set<number>>(() => new Set([1]));
  const programmatic = useRef(false);

  useLayoutEffect(() => {
    const element = scroller.current!;
    const observer = new ResizeObserver(() => setPaneSize({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    setPaneSize({ width: element.clientWidth, height: element.clientHeight });
    return () => observer.disconnect();
  }, []);

  const zoom = useMemo(() => {
    if (zoomMode === 'custom' || paneSize.width === 0) return customZoom;
    return zoomMode === 'fit-width' ? fitWidthZoom(pdf.sizes, paneSize.width, 20) : fitPageZoom(pdf.sizes, paneSize.width, paneSize.height, 20);
  }, [zoomMode, customZoom, paneSize, pdf.sizes]);
  const boxes = useMemo(() => layoutPages(pdf.sizes, zoom), [pdf.sizes, zoom]);
  const totalHeight = (boxes[boxes.length - 1]?.top ?? 0) + (boxes[boxes.length - 1]?.height ?? 0) + panePadding;
  const totalWidth = Math.max(...boxes.map((box) => box.width)) + 2 * panePadding;

  useEffect(() => onZoomResolved(zoom), [zoom, onZoomResolved]);

  const readView = useCallback((): PdfView => {
    const element = scroller.current;
    if (!element) return { current: 1, visible: [1] };
    return { current: currentPage(boxes, element.scrollTop, element.clientHeight), visible: visiblePages(boxes, element.scrollTop, element.clientHeight) };
  }, [boxes]);

  // Keep the same spot of the same page in view when the zoom changes.
  const previousBoxes = useRef(boxes);
  useLayoutEffect(() => {
    const element = scroller.current!;
    const before = previousBoxes.current;
    previousBoxes.current = boxes;
    if (before === boxes || before.length === 0) return;
    const page = currentPage(before, element.scrollTop, element.clientHeight);
    const old = before[page - 1]!;
    const fraction = (element.scrollTop - old.top) / old.height;
    const now = boxes[page - 1]!;
    const scrolledFrom = element.scrollTop;
    element.scrollTop = now.top + fraction * now.height;
    if (element.scrollTop !== scrolledFrom) programmatic.current = true;
  }, [boxes]);

  // Which pages are near the viewport: draw those, release the others.
  useEffect(() => {
    const element = scroller.current!;
    const observer = new IntersectionObserver(
      (entries) => {
        setNear((previous) => {
          const next = new Set(previous);
          for (const entry of entries) {
            const page = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting) next.add(page);
            else next.delete(page);
          }
          return next;
        });
      },
      { root: element, rootMargin: nearMargin },
    );
    for (const page of element.querySelectorAll<HTMLElement>('.pdf-page')) observer.observe(page);
    return () => observer.disconnect();
  }, [boxes]);

  const scrollFrame = useRef(0);
  const onScroll = () => {
    cancelAnimationFrame(scrollFrame.current);
    scrollFrame.current = requestAnimationFrame(() => {
      const byUser = !programmatic.current;
      programmatic.current = false;
      onViewChange(readView(), byUser);
    });
  };

  /**
   * Scrolls the pane. A `quiet` scroll follows the other view and must not be reported as
   * the reader's own move; the rest (page field, outline, find) are, so the text follows.
   */
  const scrollTo = useCallback((top: number, quiet = true) => {
    const element = scroller.current;
    if (!element) return;
    const before = element.scrollTop;
    element.scrollTop = top;
    // Only a scroll that happened will report back, so only then is the next report ours.
    if (quiet && element.scrollTop !== before) programmatic.current = true;
  }, []);

  useImperativeHandle(ref, () => ({ view: readView }), [readView]);

  // Requests to go somewhere wait until the pane has its size (and so its final zoom);
  // each is carried out once, so a later zoom change keeps the reader where they are.
  const ready = paneSize.width > 0;
  const doneTarget = useRef(-1);
  useEffect(() => {
    if (!ready || !target || doneTarget.current === target.nonce) return;
    doneTarget.current = target.nonce;
    scrollTo(scrollTopFor(boxes, target.page, zoom, target.pointFromTop ?? 0), !!target.quiet);
  }, [ready, target, boxes, zoom, scrollTo]);
  // The passage highlight: bring its page into view; the exact spot follows once drawn.
  const donePassage = useRef(-1);
  useEffect(() => {
    if (!ready || !passage || donePassage.current === passage.nonce) return;
    donePassage.current = passage.nonce;
    const element = scroller.current!;
    const box = boxes[passage.page - 1];
    const onScreen = box && box.top < element.scrollTop + element.clientHeight * 0.8 && box.top + box.height > element.scrollTop + element.clientHeight * 0.2;
    if (!onScreen) scrollTo(scrollTopFor(boxes, passage.page, zoom));
  }, [ready, passage, boxes, zoom, scrollTo]);

  // Find: bring the current hit's page into view.
  const currentHit = find.hits[find.current];
  useEffect(() => {
    if (!currentHit) return;
    const element = scroller.current!;
    const box = boxes[currentHit.page - 1]!;
    const onScreen = box.top < element.scrollTop + element.clientHeight && box.top + box.height > element.scrollTop;
    if (!onScreen) scrollTo(scrollTopFor(boxes, currentHit.page, zoom), false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [find.nonce]);

  const highlights = useMemo(() => {
    const byPage = new Map<number, PageHighlights>();
    const nonce = (passage?.nonce ?? 0) * 100000 + find.nonce;
    const entry = (page: number) => {
      let value = byPage.get(page);
      if (!value) {
        value = { hits: [], nonce };
        byPage.set(page, value);
      }
      return value;
    };
    find.hits.forEach((hit, index) => entry(hit.page).hits.push({ start: hit.start, end: hit.end, current: index === find.current }));
    if (passage) entry(passage.page).passageText = passage.text;
    return byPage;
  }, [find.hits, find.current, find.nonce, passage]);

  // Bring a drawn highlight to the middle of the pane, once per request.
  const shownNonce = useRef(-1);
  const onHighlightShown = useCallback(
    (_page: number, target: HTMLElement, nonce: number) => {
      if (shownNonce.current === nonce) return;
      shownNonce.current = nonce;
      const element = scroller.current;
      if (!element) return;
      const targetBox = target.getBoundingClientRect();
      const paneBox = element.getBoundingClientRect();
      const fullyVisible = targetBox.top >= paneBox.top + 40 && targetBox.bottom <= paneBox.bottom - 40;
      // A find hit moves the reader (the text follows); a passage mark follows the text.
      const isFindHit = target.classList.contains('find-hit');
      if (!fullyVisible) scrollTo(element.scrollTop + targetBox.top - paneBox.top - element.clientHeight / 3, !isFindHit);
    },
    [scrollTo],
  );

  const firstRendered = useRef(false);
  const onRendered = useCallback(
    (page: number) => {
      if (page === 1 && !firstRendered.current) {
        firstRendered.current = true;
        onFirstPageRendered?.();
      }
    },
    [onFirstPageRendered],
  );

  const onClick = (event: React.MouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // the reader is selecting text, not pointing
    const target = event.target as HTMLElement;
    const span = target.closest('.textLayer span');
    const page = Number(target.closest<HTMLElement>('.pdf-page')?.dataset.page);
    if (!page) return;
    onTextClick(page, span?.textContent ?? '');
  };

  return (
    <div className="pdf-pane">
      <div ref={scroller} className="pdf-scroller" onScroll={onScroll} onClick={onClick} tabIndex={-1} aria-label="PDF pages">
        <div className="pdf-pages" style={{ height: totalHeight, minWidth: totalWidth }}>
          {boxes.map((box) => (
            <PdfPage
              key={box.page}
              pdf={pdf}
              box={box}
              zoom={zoom}
              near={near.has(box.page)}
              highlights={highlights.get(box.page)}
              annotations={annotations}
              {...(highlightColoring ? { highlightColoring } : {})}
              onHighlightShown={onHighlightShown}
              onRendered={onRendered}
            />
          ))}
        </div>
      </div>
    </div>
  );
});
