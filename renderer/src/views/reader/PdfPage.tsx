import { memo, useEffect, useRef, useState } from 'react';
import { TextLayer } from 'pdfjs-dist';
import type { PDFPageProxy, RenderTask } from 'pdfjs-dist';
import { applyTextLayerMarks } from './text-layer-marks';
import { rangeToItems } from './page-text';
import { locatePassage } from './locate-passage';
import { cssPixelsPerPoint } from './zoom';
import type { LoadedPdf } from './use-pdf-document';
import type { MarkRange } from './mark-segments';
import type { PageBox } from './page-layout';
import type { PageText } from './page-text';
import type { AnnotationView } from '../../../../electron/core/api/methods/annotations';
import type { HighlightColoring } from '../../../../electron/core/settings/methods';
import { pageHighlights } from '../../annotations/pdf-highlights';
import '../../annotations/highlights.css';

export interface PageHighlights {
  /** Find hits on this page as ranges of its joined text; `current` is the one Enter moved to. */
  hits: Array<{ start: number; end: number; current: boolean }>;
  /** Text of the passage to show on this page (deep link, click in the other view). */
  passageText?: string;
  /** Changes whenever the same highlight must be shown again (scrolled to, flashed). */
  nonce: number;
}

interface Props {
  pdf: LoadedPdf;
  box: PageBox;
  zoom: number;
  /** Near the viewport: draw it. Far away: keep only the sized placeholder. */
  near: boolean;
  highlights?: PageHighlights;
  /** Called once a highlight has been drawn, with the element to bring into view. */
  onHighlightShown?: (page: number, element: HTMLElement, nonce: number) => void;
  onRendered?: (page: number) => void;
  annotations?: readonly AnnotationView[];
  highlightColoring?: HighlightColoring;
}

/**
 * One PDF page: a placeholder of the page's size that, while near the viewport, holds a
 * canvas (sized for the screen's pixel density, so text stays sharp) and a pdf.js text
 * layer for selection, find and passage highlights. Far from the viewport the canvas is
 * released, so memory stays bounded however long the paper is.
 */
export const PdfPage = memo(function PdfPage({ pdf, box, zoom, near, highlights, onHighlightShown, onRendered, annotations, highlightColoring = 'annotation' }: Props) {
  const canvasHolder = useRef<HTMLDivElement>(null);
  const textHolder = useRef<HTMLDivElement>(null);
  const [layer, setLayer] = useState<{ spans: HTMLElement[]; items: string[]; text: PageText } | undefined>();
  const [flash, setFlash] = useState(0);
  const scale = zoom * cssPixelsPerPoint;

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    let renderTask: RenderTask | undefined;
    let textLayer: TextLayer | undefined;
    let proxy: PDFPageProxy | undefined;
    const canvasParent = canvasHolder.current!;
    const textParent = textHolder.current!;
    void (async () => {
      const page = await pdf.doc.getPage(box.page);
      proxy = page;
      if (cancelled) return;
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.className = 'pdf-canvas';
      canvas.setAttribute('aria-hidden', 'true');
      renderTask = page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport, ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}) });
      try {
        await renderTask.promise;
      } catch {
        return; // cancelled by a zoom change or by scrolling away
      }
      if (cancelled) return;
      canvasParent.replaceChildren(canvas);
      onRendered?.(box.page);
      const { content, text } = await pdf.pageText(box.page);
      if (cancelled) return;
      const container = document.createElement('div');
      container.className = 'textLayer';
      textLayer = new TextLayer({ textContentSource: content, container, viewport });
      try {
        await textLayer.render();
      } catch {
        return;
      }
      if (cancelled) return;
      textParent.replaceChildren(container);
      setLayer({ spans: textLayer.textDivs, items: textLayer.textContentItemsStr, text });
    })();
    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
      // Release the bitmap now rather than whenever the collector runs.
      for (const canvas of canvasParent.querySelectorAll('canvas')) {
        canvas.width = 0;
        canvas.height = 0;
      }
      canvasParent.replaceChildren();
      textParent.replaceChildren();
      setLayer(undefined);
      // Let pdf.js drop the page's decoded resources too, once nothing is drawing it.
      void renderTask?.promise.catch(() => {}).finally(() => proxy?.cleanup());
    };
  }, [pdf, box.page, scale, near, onRendered]);

  // Draw find hits and the passage highlight into the text layer.
  useEffect(() => {
    if (!layer) return;
    const marks = new Map<number, MarkRange[]>();
    const add = (start: number, end: number, className: string, tint?: string) => {
      for (const range of rangeToItems(layer.text, start, end)) {
        const list = marks.get(range.item) ?? [];
        list.push({ start: range.start, end: range.end, className, ...(tint ? { tint } : {}) });
        marks.set(range.item, list);
      }
    };
    let passageFound = false;
    if (highlights?.passageText) {
      const found = locatePassage(layer.text, highlights.passageText);
      if (found) {
        add(found.start, found.end, 'passage-mark');
        passageFound = true;
      }
    }
    for (const hit of highlights?.hits ?? []) add(hit.start, hit.end, hit.current ? 'find-hit is-current' : 'find-hit');
    for (const mark of pageHighlights(layer.text.text, box.page, annotations ?? [], highlightColoring)) add(mark.start, mark.end, mark.className, mark.tint);
    applyTextLayerMarks(layer.spans, layer.items, marks);
    if (!highlights) return;
    const target =
      textHolder.current?.querySelector<HTMLElement>('mark.is-current') ??
      (highlights.passageText ? textHolder.current?.querySelector<HTMLElement>('mark.passage-mark') : null);
    if (target) onHighlightShown?.(box.page, target, highlights.nonce);
    // No place in the text layer for the passage: flash the whole page instead.
    if (highlights.passageText && !passageFound) setFlash(highlights.nonce);
  }, [layer, highlights, box.page, onHighlightShown, annotations, highlightColoring]);

  return (
    <div
      className={`pdf-page${flash ? ' is-flashing' : ''}`}
      onAnimationEnd={() => setFlash(0)}
      data-page={box.page}
      data-rendered={layer ? 'true' : 'false'}
      style={{ width: box.width, height: box.height, top: box.top, left: `calc(50% - ${box.width / 2}px)`, ['--total-scale-factor' as string]: scale }}
      aria-label={`Page ${box.page}`}
      role="region"
    >
      <div ref={canvasHolder} className="pdf-canvas-holder" />
      <div ref={textHolder} className="pdf-text-holder" />
      <span className="pdf-page-number" aria-hidden="true">
        {box.page}
      </span>
    </div>
  );
});
