import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Passage } from '../../../../electron/core/corpus/schema';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorState, Loaded } from '../../components/States';
import { PdfPane } from './PdfPane';
import type { PdfPaneHandle, PdfView } from './PdfPane';
import { PdfSidebar } from './PdfSidebar';
import { StructuredText } from './StructuredText';
import type { TextView } from './StructuredText';
import { ReaderToolbar } from './ReaderToolbar';
import type { Panes } from './ReaderToolbar';
import { DocumentInfo } from './DocumentInfo';
import { ExternalLinkDialog } from './ExternalLinkDialog';
import { AskToOpenContext } from './ExternalLink';
import { usePdfDocument } from './use-pdf-document';
import { PdfPasswordPrompt } from './PdfPasswordPrompt';
import type { OutlineEntry } from './use-pdf-document';
import { useReaderKeys } from './use-reader-keys';
import { useSaveReadingPosition } from './use-reading-position';
import { adjacentPassage, passageForClickedText, passageForPage, viewsAgree } from './page-passage-map';
import { startingPlace } from './reading-position';
import { stepZoom } from './zoom';
import { useReaderAnnotations } from '../../annotations/use-reader-annotations';
import { SelectionAnnotator } from '../../annotations/SelectionAnnotator';
import { ReaderAnnotationsPane } from '../../annotations/ReaderAnnotationsPane';
import type { ZoomMode } from './zoom';
import './DocumentReader.css';

/** The passage marked in both views; `highlight` is false when we only scrolled to it (a restored position). */
interface Active {
  passageId: string;
  highlight: boolean;
  nonce: number;
}

/**
 * One paper, as PDF and as structured text side by side. The two panes never talk to each
 * other: each reports where it is, and this component decides what the other should show.
 * A pane that already shows the same page is left alone, which is what keeps the two from
 * chasing each other.
 */
export function DocumentReader({ docId, passageId }: { docId: string; passageId?: string }) {
  const document = useApi('corpus.document', { docId });
  const passagesQuery = useApi('corpus.passages', { docId });
  const footnotesQuery = useApi('corpus.footnotes', { docId });
  const mentionsQuery = useApi('corpus.mentions', { docId });
  const entitiesQuery = useApi('corpus.entities', {});
  const pdfUrl = document.status === 'ready' ? document.data.pdfUrl : undefined;
  const pdfState = usePdfDocument(pdfUrl);
  const pdf = pdfState.status === 'ready' ? pdfState.pdf : undefined;

  const passages = useMemo(() => (passagesQuery.status === 'ready' ? passagesQuery.data : []), [passagesQuery]);
  const footnotes = useMemo(() => (footnotesQuery.status === 'ready' ? footnotesQuery.data : []), [footnotesQuery]);
  const mentions = useMemo(() => (mentionsQuery.status === 'ready' ? mentionsQuery.data : []), [mentionsQuery]);
  const entities = useMemo(() => new Map((entitiesQuery.status === 'ready' ? entitiesQuery.data : []).map((entity) => [entity.id, entity])), [entitiesQuery]);
  const byId = useMemo(() => new Map(passages.map((passage) => [passage.id, passage])), [passages]);
  const annotations = useReaderAnnotations(docId, passages);
  const pdfColumn = useRef<HTMLDivElement>(null);
  const textColumn = useRef<HTMLDivElement>(null);

  const [panes, setPanes] = useState<Panes>({ pdf: true, text: true, sidebar: false, info: false });
  const showPdf = panes.pdf && !!pdfUrl;
  // Without a PDF the text is all there is; it cannot be hidden.
  const showText = panes.text || (document.status === 'ready' && !pdfUrl);
  const [zoomMode, setZoomMode] = useState<ZoomMode>('fit-width');
  const [customZoom, setCustomZoom] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [pdfView, setPdfView] = useState<PdfView>({ current: 1, visible: [1] });
  const textView = useRef<TextView>({ pages: [] });
  const pdfPane = useRef<PdfPaneHandle>(null);

  const nonce = useRef(0);
  const next = () => ++nonce.current;
  const [active, setActive] = useState<Active | undefined>();
  const [textRequest, setTextRequest] = useState<{ passageId: string; nonce: number } | undefined>();
  /** Where the PDF should go; `quiet` when it only follows the text (so it does not lead the text back). */
  const [pdfTarget, setPdfTarget] = useState<{ page: number; pointFromTop?: number; nonce: number; quiet?: boolean } | undefined>();

  /** Shows a passage in both views; with `highlight`, marks it too. */
  const goToPassage = useCallback(
    (passage: Passage, options: { highlight: boolean; scrollText?: boolean }) => {
      const request = next();
      setActive({ passageId: passage.id, highlight: options.highlight, nonce: request });
      if (options.scrollText !== false) setTextRequest({ passageId: passage.id, nonce: request });
      if (!options.highlight) setPdfTarget({ page: passage.page, nonce: request, quiet: true });
    },
    [],
  );

  // Where the paper opens: the deep link, else where the reader left it.
  const saved = useApi('settings.readingPosition', { docId });
  const opened = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (passages.length === 0 || saved.status === 'loading') return;
    const key = passageId ?? '(saved)';
    if (opened.current === key) return;
    opened.current = key;
    const place = startingPlace({ deepLinkPassageId: passageId, saved: saved.status === 'ready' ? saved.data : null, passageIds: new Set(byId.keys()) });
    if (place.kind === 'passage') goToPassage(byId.get(place.passageId)!, { highlight: place.highlight });
    else if (place.kind === 'page') {
      setPdfTarget({ page: place.page, nonce: next(), quiet: true });
      const passage = passageForPage(passages, place.page);
      if (passage) setTextRequest({ passageId: passage.id, nonce: next() });
    }
  }, [passages, saved, passageId, byId, goToPassage]);

  const activePassage = active ? byId.get(active.passageId) : undefined;
  const pdfPassage = useMemo(
    () => (active?.highlight && activePassage ? { text: activePassage.text, page: activePassage.page, nonce: active.nonce } : undefined),
    [active, activePassage],
  );

  const [place, setPlace] = useState<{ passageId?: string; page?: number }>();
  useSaveReadingPosition(docId, place);
  useEffect(() => {
    if (activePassage) setPlace({ passageId: activePassage.id, page: activePassage.page });
  }, [activePassage]);

  const onPdfViewChange = useCallback(
    (view: PdfView, byUser: boolean) => {
      setPdfView(view);
      if (!byUser) return;
      const passage = passageForPage(passages, view.current);
      setPlace((previous) => (previous?.page === view.current ? previous : { passageId: passage?.id, page: view.current }));
      if (!showText || viewsAgree(view.visible, textView.current.pages)) return;
      if (passage) setTextRequest({ passageId: passage.id, nonce: next() });
    },
    [showText, passages],
  );

  const pdfViewRef = useRef(pdfView);
  pdfViewRef.current = pdfView;
  const onTextViewChange = useCallback(
    (view: TextView, byUser: boolean) => {
      textView.current = view;
      // Scrolling by the reader moves the remembered place; our own scrolling follows a place already set.
      if (byUser && view.top) setPlace({ passageId: view.top.id, page: view.top.page });
      if (!byUser || !showPdf || !view.top || viewsAgree(pdfViewRef.current.visible, view.pages)) return;
      setPdfTarget({ page: view.top.page, nonce: next(), quiet: true });
    },
    [showPdf],
  );

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
      setPdfTarget({ page: entry.page, ...(entry.pointFromTop !== undefined ? { pointFromTop: Math.max(0, entry.pointFromTop - 24) } : {}), nonce: next(), quiet: true });
      // The outline is the sections' headings: show the same heading in the text.
      const heading = passages.find((passage) => passage.kind === 'heading' && passage.page === entry.page && normalise(passage.text) === normalise(entry.title));
      const passage = heading ?? passageForPage(passages, entry.page);
      if (passage) setTextRequest({ passageId: passage.id, nonce: next() });
    },
    [passages],
  );
  const goToPage = useCallback((page: number) => setPdfTarget({ page, nonce: next() }), []);

  const [findWanted, setFindWanted] = useState(0);
  useEffect(() => {
    if (findWanted && showPdf && pdf) pdfPane.current?.openFind();
  }, [findWanted, showPdf, pdf]);

  const movePassage = (direction: 1 | -1) => {
    const from = active?.passageId ?? textView.current.top?.id;
    const passage = adjacentPassage(passages.filter((item) => !item.backMatter), from, direction);
    if (passage) goToPassage(passage, { highlight: true });
  };
  useReaderKeys({
    nextPassage: () => movePassage(1),
    previousPassage: () => movePassage(-1),
    pageDown: () => (showPdf ? goToPage(Math.min(pdf?.doc.numPages ?? 1, pdfView.current + 1)) : scrollText(1)),
    pageUp: () => (showPdf ? goToPage(Math.max(1, pdfView.current - 1)) : scrollText(-1)),
    find: () => {
      if (!panes.pdf) setPanes((value) => ({ ...value, pdf: true }));
      setFindWanted((value) => value + 1);
    },
  });

  const [askUrl, setAskUrl] = useState<string | undefined>();
  const confirmOpen = async () => {
    const url = askUrl;
    setAskUrl(undefined);
    if (url) await api.invoke('app.openExternal', { url }).catch(() => {});
  };

  const onZoomResolved = useCallback((value: number) => setZoom(value), []);
  const onZoomMode = (mode: ZoomMode) => {
    if (mode === 'custom') setCustomZoom(zoom);
    setZoomMode(mode);
  };
  const onZoomStep = (direction: 1 | -1) => {
    setCustomZoom(stepZoom(zoom, direction));
    setZoomMode('custom');
  };

  if (document.status === 'error') return <ErrorState error={document.error} onRetry={document.reload} />;

  return (
    <AskToOpenContext.Provider value={setAskUrl}>
      <section className="reader-view" aria-label="Reader">
        <Loaded state={document}>
          {(doc) => (
            <header className="reader-header">
              <h1>{doc.title}</h1>
              <p className="reader-byline">
                {doc.authors.join(', ')}
                {doc.year ? ` · ${doc.provenance?.year?.source === 'inferred' ? `[${doc.year}]` : doc.year}` : ''}
              </p>
            </header>
          )}
        </Loaded>
        <ReaderToolbar
          panes={{ ...panes, pdf: showPdf, text: showText }}
          onPanes={setPanes}
          page={pdfView.current}
          pageCount={pdf?.doc.numPages ?? 0}
          onPage={goToPage}
          zoom={zoom}
          zoomMode={zoomMode}
          onZoomMode={onZoomMode}
          onZoomStep={onZoomStep}
          onFind={() => setFindWanted((value) => value + 1)}
          pdfReady={!!pdf}
          hasPdf={!!pdfUrl || document.status === 'loading'}
        />
        <div className={`reader-panes${showPdf && showText ? ' is-split' : ''}`}>
          {showPdf && panes.sidebar && pdf ? <PdfSidebar pdf={pdf} currentPage={pdfView.current} onOutline={onOutline} onPage={goToPage} /> : null}
          {showPdf ? (
            <div className="reader-pane pdf-column" ref={pdfColumn}>
              {pdfState.status === 'error' ? <ErrorState error={pdfState.error} /> : null}
              {pdfState.status === 'password' ? <PdfPasswordPrompt incorrect={pdfState.incorrect} onSubmit={pdfState.submit} /> : null}
              {pdfState.status === 'loading' ? <div className="loading pane-loading">Opening the PDF…</div> : null}
              {pdf ? (
                <PdfPane
                  ref={pdfPane}
                  pdf={pdf}
                  zoomMode={zoomMode}
                  customZoom={customZoom}
                  passage={pdfPassage}
                  target={pdfTarget}
                  onZoomResolved={onZoomResolved}
                  onViewChange={onPdfViewChange}
                  onTextClick={onPdfTextClick}
                  annotations={annotations.annotations}
                />
              ) : null}
            </div>
          ) : null}
          {showText ? (
            <div className="reader-pane text-column" ref={textColumn}>
              <Loaded state={passagesQuery}>
                {(items) => (
                  <StructuredText
                    docId={docId}
                    passages={items}
                    footnotes={footnotes}
                    mentions={mentions}
                    entities={entities}
                    activePassageId={active?.passageId}
                    highlightActive={!!active?.highlight}
                    scrollRequest={textRequest}
                    onPassageClick={onTextPassageClick}
                    onViewChange={onTextViewChange}
                    highlights={annotations.highlights}
                  />
                )}
              </Loaded>
            </div>
          ) : null}
          <ReaderAnnotationsPane docId={docId} count={annotations.annotations.length} onOpen={(id) => byId.has(id) && goToPassage(byId.get(id)!, { highlight: true })} />
          {panes.info && document.status === 'ready' ? <DocumentInfo document={document.data} footnotes={footnotes} onClose={() => setPanes((value) => ({ ...value, info: false }))} /> : null}
        </div>
        <SelectionAnnotator
          sources={[
            { container: textColumn, resolve: annotations.resolveText },
            { container: pdfColumn, resolve: annotations.resolvePdf },
          ]}
        />
        {askUrl ? <ExternalLinkDialog url={askUrl} onConfirm={() => void confirmOpen()} onCancel={() => setAskUrl(undefined)} /> : null}
      </section>
    </AskToOpenContext.Provider>
  );
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function scrollText(direction: 1 | -1): void {
  const pane = window.document.querySelector<HTMLElement>('.text-scroller');
  if (pane) pane.scrollTop += direction * pane.clientHeight * 0.9;
}
