import { useEffect, useState } from 'react';
import { zoomLabel } from './zoom';
import type { ZoomMode } from './zoom';
import './ReaderToolbar.css';

export interface Panes {
  pdf: boolean;
  text: boolean;
  sidebar: boolean;
  info: boolean;
}

interface Props {
  panes: Panes;
  onPanes: (panes: Panes) => void;
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  zoom: number;
  zoomMode: ZoomMode;
  onZoomMode: (mode: ZoomMode) => void;
  onZoomStep: (direction: 1 | -1) => void;
  onFind: () => void;
  pdfReady: boolean;
  /** False for a document without a PDF (a text-only import): only the text is shown, so the PDF controls go. */
  hasPdf: boolean;
}

/** One calm row: what is shown, where you are in the PDF, how large, find, and info. */
export function ReaderToolbar({ panes, onPanes, page, pageCount, onPage, zoom, zoomMode, onZoomMode, onZoomStep, onFind, pdfReady, hasPdf }: Props) {
  const [pageInput, setPageInput] = useState(String(page));
  useEffect(() => setPageInput(String(page)), [page]);
  const toggle = (key: keyof Panes) => {
    const next = { ...panes, [key]: !panes[key] };
    // Never hide both views: hiding the last one shows the other.
    if (!next.pdf && !next.text) next[key === 'pdf' ? 'text' : 'pdf'] = true;
    onPanes(next);
  };
  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Reader">
      {hasPdf ? (
        <div className="toolbar-group">
          <button type="button" className="toggle" aria-pressed={panes.sidebar} onClick={() => toggle('sidebar')} disabled={!panes.pdf} title="Contents and pages">
            Contents
          </button>
          <span className="toolbar-divider" />
          <button type="button" className="toggle" aria-pressed={panes.pdf} onClick={() => toggle('pdf')} title="Show or hide the PDF">
            PDF
          </button>
          <button type="button" className="toggle" aria-pressed={panes.text} onClick={() => toggle('text')} title="Show or hide the structured text">
            Text
          </button>
        </div>
      ) : null}
      {panes.pdf ? (
        <div className="toolbar-group">
          <button type="button" className="icon-button" onClick={() => onPage(page - 1)} disabled={!pdfReady || page <= 1} aria-label="Previous page" title="Previous page">
            ‹
          </button>
          <form
            className="page-field"
            onSubmit={(event) => {
              event.preventDefault();
              const wanted = Number.parseInt(pageInput, 10);
              if (Number.isFinite(wanted)) onPage(Math.min(pageCount, Math.max(1, wanted)));
            }}
          >
            <input type="text" inputMode="numeric" aria-label="Page number" value={pageInput} onChange={(event) => setPageInput(event.target.value)} onBlur={() => setPageInput(String(page))} />
            <span className="page-count">of {pageCount || '…'}</span>
          </form>
          <button type="button" className="icon-button" onClick={() => onPage(page + 1)} disabled={!pdfReady || page >= pageCount} aria-label="Next page" title="Next page">
            ›
          </button>
          <span className="toolbar-divider" />
          <button type="button" className="icon-button" onClick={() => onZoomStep(-1)} disabled={!pdfReady} aria-label="Zoom out" title="Zoom out">
            −
          </button>
          <select
            aria-label="Zoom"
            value={zoomMode === 'custom' ? 'custom' : zoomMode}
            onChange={(event) => onZoomMode(event.target.value as ZoomMode)}
            disabled={!pdfReady}
          >
            <option value="fit-width">Fit width</option>
            <option value="fit-page">Fit page</option>
            <option value="custom">{zoomLabel(zoom)}</option>
          </select>
          <button type="button" className="icon-button" onClick={() => onZoomStep(1)} disabled={!pdfReady} aria-label="Zoom in" title="Zoom in">
            +
          </button>
        </div>
      ) : null}
      <div className="toolbar-group toolbar-end">
        <button type="button" onClick={onFind} title="Find in the view you are in (Ctrl+F)" aria-keyshortcuts="Control+F Meta+F">
          Find
        </button>
        <button type="button" className="toggle" aria-pressed={panes.info} onClick={() => toggle('info')} title="About this paper">
          Info
        </button>
      </div>
    </div>
  );
}
