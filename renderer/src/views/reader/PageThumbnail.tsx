import { memo, useEffect, useRef } from 'react';
import type { LoadedPdf } from './use-pdf-document';

const thumbnailWidth = 112;

/** A small picture of a page, drawn only while it is near the visible part of the strip. */
export const PageThumbnail = memo(function PageThumbnail({ pdf, page, near, current, onSelect }: { pdf: LoadedPdf; page: number; near: boolean; current: boolean; onSelect: (page: number) => void }) {
  const holder = useRef<HTMLSpanElement>(null);
  const size = pdf.sizes[page - 1]!;
  const height = Math.round((size.height / size.width) * thumbnailWidth);

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    const parent = holder.current!;
    let task: { cancel(): void } | undefined;
    void (async () => {
      const proxy = await pdf.doc.getPage(page);
      if (cancelled) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = proxy.getViewport({ scale: (thumbnailWidth / size.width) * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      const render = proxy.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport });
      task = render;
      try {
        await render.promise;
      } catch {
        return;
      }
      if (!cancelled) parent.replaceChildren(canvas);
    })();
    return () => {
      cancelled = true;
      task?.cancel();
      for (const canvas of parent.querySelectorAll('canvas')) canvas.width = canvas.height = 0;
      parent.replaceChildren();
    };
  }, [pdf, page, near, size.width]);

  return (
    <li>
      <button
        type="button"
        className={`thumbnail${current ? ' is-current' : ''}`}
        data-page={page}
        aria-current={current ? 'page' : undefined}
        aria-label={`Page ${page}`}
        onClick={() => onSelect(page)}
      >
        <span ref={holder} className="thumbnail-image" style={{ width: thumbnailWidth, height }} />
        <span className="thumbnail-number">{page}</span>
      </button>
    </li>
  );
});
