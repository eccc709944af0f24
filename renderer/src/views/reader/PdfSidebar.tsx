import { useEffect, useRef, useState } from 'react';
import { PageThumbnail } from './PageThumbnail';
import { usePdfOutline } from './use-pdf-document';
import type { LoadedPdf, OutlineEntry } from './use-pdf-document';
import './PdfSidebar.css';

interface Props {
  pdf: LoadedPdf;
  currentPage: number;
  onOutline: (entry: OutlineEntry) => void;
  onPage: (page: number) => void;
}

/** Beside the PDF: its outline (bookmarks) as a clickable list, or a strip of page thumbnails. */
export function PdfSidebar({ pdf, currentPage, onOutline, onPage }: Props) {
  const outline = usePdfOutline(pdf);
  const [tab, setTab] = useState<'outline' | 'pages'>('outline');
  return (
    <aside className="pdf-sidebar" aria-label="Outline and pages">
      <div className="segmented" role="tablist" aria-label="Sidebar">
        <button type="button" role="tab" aria-selected={tab === 'outline'} onClick={() => setTab('outline')}>
          Contents
        </button>
        <button type="button" role="tab" aria-selected={tab === 'pages'} onClick={() => setTab('pages')}>
          Pages
        </button>
      </div>
      {tab === 'outline' ? <Outline entries={outline} currentPage={currentPage} onOutline={onOutline} /> : <Thumbnails pdf={pdf} currentPage={currentPage} onPage={onPage} />}
    </aside>
  );
}

function Outline({ entries, currentPage, onOutline }: { entries: OutlineEntry[] | undefined; currentPage: number; onOutline: (entry: OutlineEntry) => void }) {
  if (!entries) return <p className="muted sidebar-empty">Reading the outline…</p>;
  if (entries.length === 0) return <p className="muted sidebar-empty">This PDF has no outline.</p>;
  // The section the reader is in: the last entry that starts on or before the current page.
  const active = entries.reduce<number>((found, entry, index) => (entry.page <= currentPage ? index : found), -1);
  return (
    <ol className="outline-list" aria-label="Outline">
      {entries.map((entry, index) => (
        <li key={`${index}-${entry.title}`} style={{ paddingLeft: entry.depth * 12 }}>
          <button type="button" className={`outline-entry${index === active ? ' is-current' : ''}`} onClick={() => onOutline(entry)} title={entry.title}>
            <span className="outline-title">{entry.title}</span>
            <span className="outline-page">{entry.page}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

function Thumbnails({ pdf, currentPage, onPage }: { pdf: LoadedPdf; currentPage: number; onPage: (page: number) => void }) {
  const list = useRef<HTMLOListElement>(null);
  const [near, setNear] = useState<Set<number>>(() => new Set());
  useEffect(() => {
    const element = list.current!;
    const observer = new IntersectionObserver(
      (entries) =>
        setNear((previous) => {
          const next = new Set(previous);
          for (const entry of entries) {
            const page = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting) next.add(page);
            else next.delete(page);
          }
          return next;
        }),
      { root: element.parentElement, rootMargin: '100% 0px' },
    );
    for (const button of element.querySelectorAll<HTMLElement>('.thumbnail')) observer.observe(button);
    return () => observer.disconnect();
  }, [pdf]);
  useEffect(() => {
    list.current?.querySelector<HTMLElement>(`.thumbnail[data-page="${currentPage}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [currentPage]);
  return (
    <div className="thumbnail-scroller">
      <ol ref={list} className="thumbnail-list" aria-label="Pages">
        {Array.from({ length: pdf.doc.numPages }, (_, index) => (
          <PageThumbnail key={index + 1} pdf={pdf} page={index + 1} near={near.has(index + 1)} current={index + 1 === currentPage} onSelect={onPage} />
        ))}
      </ol>
    </div>
  );
}
