import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ErrorState, Loaded } from '../../components/States';
import { PdfPane } from './PdfPane';
import type { PdfPaneHandle } from './PdfPane';
import { PdfSidebar } from './PdfSidebar';
import { StructuredText } from './StructuredText';
import { ReaderToolbar } from './ReaderToolbar';
import type { Panes } from './ReaderToolbar';
import { DocumentInfo } from './DocumentInfo';
import { ExternalLinkDialog } from './ExternalLinkDialog';
import { AskToOpenContext } from './ExternalLink';
import { usePdfDocument } from './use-pdf-document';
import { PdfPasswordPrompt } from './PdfPasswordPrompt';
import { useReaderKeys } from './use-reader-keys';
import { useReaderData } from './use-reader-data';
import { useViewSync } from './use-view-sync';
import { useZoom } from './use-zoom';
import { FindBar } from './FindBar';
import { useReaderFind, type FindScope } from './use-reader-find';
import { useReaderAnnotations } from '../../annotations/use-reader-annotations';
import { SelectionAnnotator, type FallbackTarget } from '../../annotations/SelectionAnnotator';
import { ReaderAnnotationsPane } from '../../annotations/ReaderAnnotationsPane';
import { MediaPlayer } from '../../media/MediaPlayer';
import { AddTranscript } from '../../media/AddTranscript';
import { TranscriptTools, useTranscriptEditing } from '../../media/use-transcript-editing';
import { useMediaPlayer } from '../../media/use-media-player';
import { usePlayerKeys } from '../../media/use-player-keys';
import { timedPassages } from '../../media/passage-at-time';
import { PlayerContext, type PlayerControls } from '../../media/player-context';
import type { Passage } from '../../../../electron/core/corpus/schema';
import './DocumentReader.css';

/**
 * One paper, as PDF and as structured text side by side. The two panes never talk to each
 * other: each reports where it is, and the view sync (use-view-sync.ts, view-sync.ts)
 * decides what the other should show.
 */
export function DocumentReader({
  docId,
  passageId,
  footnote,
  playSpan: spanToPlay,
}: {
  docId: string;
  passageId?: string | undefined;
  footnote?: number | undefined;
  /** A quote's span to play as soon as the recording can (a link from the Topics view). */
  playSpan?: { start: number; end: number } | undefined;
}) {
  const { document, passagesQuery, passages, byId, footnotes, mentions, entities } = useReaderData(docId);
  const pdfUrl = document.value?.pdfUrl;
  // An imported recording: the player above the transcript, bound to its timed passages.
  const media = document.value?.media;
  const mediaUrl = document.value?.mediaUrl;
  const timed = useMemo(() => timedPassages(passages), [passages]);
  const player = useMediaPlayer(timed, media?.duration ?? 0);
  usePlayerKeys(mediaUrl ? player : undefined);
  const { playSpan, playFrom } = player;
  const playerControls = useMemo((): PlayerControls | undefined => (mediaUrl ? { docId, playSpan } : undefined), [mediaUrl, docId, playSpan]);
  // A link that asks for a quote's span plays it once the recording has loaded, once per link.
  const playedLink = useRef<string | undefined>(undefined);
  const mediaReady = player.state.duration > 0 && player.state.ready;
  useEffect(() => {
    const key = spanToPlay ? `${spanToPlay.start}-${spanToPlay.end}` : undefined;
    if (!spanToPlay || !mediaUrl || !mediaReady || playedLink.current === key) return;
    playedLink.current = key;
    playSpan(spanToPlay);
  }, [spanToPlay, mediaUrl, mediaReady, playSpan]);
  const playPassage = useMemo(() => (mediaUrl ? (passage: Passage) => passage.start !== undefined && playFrom(passage.start) : undefined), [mediaUrl, playFrom]);
  const pdfState = usePdfDocument(pdfUrl, document.value && document.value.origin !== 'bundled' ? docId : undefined);
  const pdf = pdfState.status === 'ready' ? pdfState.pdf : undefined;
  const annotations = useReaderAnnotations(docId, passages);
  // An imported transcript's passages can be corrected; a recording's transcript written into.
  const transcript = useTranscriptEditing({
    docId,
    editable: !!media || document.value?.origin === 'imported-transcript',
    recording: media ? { duration: media.duration, currentTime: () => player.state.time } : undefined,
  });
  const pdfColumn = useRef<HTMLDivElement>(null);
  const textColumn = useRef<HTMLDivElement>(null);

  const [panes, setPanes] = useState<Panes>({ pdf: true, text: true, sidebar: false, info: false });
  const showPdf = panes.pdf && !!pdfUrl;
  // Without a PDF the text is all there is; it cannot be hidden.
  const showText = panes.text || (document.status === 'ready' && !pdfUrl);
  const zoom = useZoom();
  const pdfPane = useRef<PdfPaneHandle>(null);

  const sync = useViewSync({ docId, passages, byId, ...(passageId ? { deepLinkPassageId: passageId } : {}), showText, showPdf });
  const { active, textRequest, pdfTarget, pdfView } = sync.state;
  const activePassage = active ? byId.get(active.passageId) : undefined;
  const pdfPassage = useMemo(
    () => (active?.highlight && activePassage ? { text: activePassage.text, page: activePassage.page, nonce: active.nonce } : undefined),
    [active, activePassage],
  );

  // A link to a note (a footnote search result) opens the note once the text is there.
  const footnoteRequest = useMemo(() => (footnote ? { number: footnote, passageId, nonce: 1 } : undefined), [footnote, passageId]);

  const textScroller = useRef<HTMLElement | null>(null);
  useEffect(() => {
    textScroller.current = textColumn.current?.querySelector('.text-scroller') ?? null;
  });
  const find = useReaderFind({ pdf, textRoot: textScroller, showPdf, showText, currentPage: () => pdfPane.current?.view().current ?? 1 });
  // Find searches the view the reader last worked in (pointer or focus), never a hidden one.
  const lastPane = useRef<FindScope | undefined>(undefined);
  const openFind = () => {
    if (window.document.activeElement?.closest('.find-bar')) return find.openFind();
    const wanted = lastPane.current === 'pdf' && showPdf ? 'pdf' : lastPane.current === 'text' && showText ? 'text' : showText ? 'text' : 'pdf';
    find.openFind(wanted);
  };

  useReaderKeys({
    nextPassage: () => sync.movePassage(1),
    previousPassage: () => sync.movePassage(-1),
    pageDown: () => (showPdf ? sync.goToPage(Math.min(pdf?.doc.numPages ?? 1, pdfView.current + 1)) : scrollText(1)),
    pageUp: () => (showPdf ? sync.goToPage(Math.max(1, pdfView.current - 1)) : scrollText(-1)),
    find: openFind,
    entities: () => focusFirstMention(active?.passageId),
  });

  // `a` with nothing selected annotates the passage the reader is on (j/k, a click).
  const annotatePassage: FallbackTarget = () => {
    const passage = activePassage ?? sync.state.textView.top;
    const element = passage && textColumn.current?.querySelector<HTMLElement>(`[data-passage-id="${CSS.escape(passage.id)}"]`);
    if (!passage || !element || !passage.text.trim()) return undefined;
    const box = element.getBoundingClientRect();
    return { target: { kind: 'quote', docId, passageId: passage.id, quote: passage.text, offsetInPassage: 0 }, anchor: { top: box.top, bottom: Math.min(box.bottom, box.top + 40), left: box.left } };
  };

  const [askUrl, setAskUrl] = useState<string | undefined>();
  const confirmOpen = async () => {
    const url = askUrl;
    setAskUrl(undefined);
    if (url) await api.invoke('app.openExternal', { url }).catch(() => {});
  };

  if (document.status === 'error') return <ErrorState error={document.error} onRetry={document.reload} />;

  return (
    <AskToOpenContext.Provider value={setAskUrl}>
      <PlayerContext.Provider value={playerControls}>
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
        <div className="reader-bars">
          <ReaderToolbar
            panes={{ ...panes, pdf: showPdf, text: showText }}
            onPanes={setPanes}
            page={pdfView.current}
            pageCount={pdf?.doc.numPages ?? 0}
            onPage={sync.goToPage}
            zoom={zoom.zoom}
            zoomMode={zoom.mode}
            onZoomMode={zoom.onMode}
            onZoomStep={zoom.onStep}
            onFind={openFind}
            pdfReady={!!pdf}
            hasPdf={!!pdfUrl || document.status === 'loading'}
          />
          {find.open ? (
            <FindBar
              query={find.query}
              scope={find.scope}
              canSwitch={find.canSwitch}
              current={find.current}
              count={find.count}
              searching={find.searching}
              focusNonce={find.focusNonce}
              onQuery={find.setQuery}
              onScope={(scope) => {
                lastPane.current = scope;
                find.openFind(scope);
              }}
              onStep={find.move}
              onClose={find.close}
            />
          ) : null}
          {mediaUrl && media ? <MediaPlayer src={mediaUrl} mimeType={media.mimeType} video={media.video} player={player} /> : null}
        </div>
        <div className={`reader-panes${showPdf && showText ? ' is-split' : ''}`}>
          {showPdf && panes.sidebar && pdf ? <PdfSidebar pdf={pdf} currentPage={pdfView.current} onOutline={sync.onOutline} onPage={sync.goToPage} /> : null}
          {showPdf ? (
            <div className="reader-pane pdf-column" ref={pdfColumn} onPointerDown={() => (lastPane.current = 'pdf')} onFocus={() => (lastPane.current = 'pdf')}>
              {pdfState.status === 'error' ? <ErrorState error={pdfState.error} /> : null}
              {pdfState.status === 'password' ? <PdfPasswordPrompt incorrect={pdfState.incorrect} onSubmit={pdfState.submit} /> : null}
              {pdfState.status === 'loading' ? <div className="loading pane-loading">Opening the PDF…</div> : null}
              {pdf ? (
                <PdfPane
                  ref={pdfPane}
                  pdf={pdf}
                  zoomMode={zoom.mode}
                  customZoom={zoom.custom}
                  passage={pdfPassage}
                  target={pdfTarget}
                  onZoomResolved={zoom.onResolved}
                  onViewChange={sync.onPdfViewChange}
                  onTextClick={sync.onPdfTextClick}
                  annotations={annotations.annotations}
                  highlightColoring={annotations.coloring}
                  find={find.pdfFind}
                />
              ) : null}
            </div>
          ) : null}
          {showText ? (
            <div className="reader-pane text-column" ref={textColumn} onPointerDown={() => (lastPane.current = 'text')} onFocus={() => (lastPane.current = 'text')}>
              <Loaded state={passagesQuery}>
                {(items) =>
                  media && items.length === 0 ? (
                    transcript.writing ? (
                      <div className="add-transcript">
                        {transcript.renderWriter(items)}
                      </div>
                    ) : (
                      <AddTranscript docId={docId} onWrite={transcript.startWriting} />
                    )
                  ) : (
                  <>
                  {media ? <TranscriptTools transcript={transcript} passages={items} currentTime={player.state.time} /> : null}
                  {!media && transcript.status ? <TranscriptTools transcript={transcript} passages={items} currentTime={0} /> : null}
                  <StructuredText
                    docId={docId}
                    passages={items}
                    footnotes={footnotes}
                    mentions={mentions}
                    entities={entities}
                    activePassageId={active?.passageId}
                    highlightActive={!!active?.highlight}
                    scrollRequest={textRequest}
                    footnoteRequest={footnoteRequest}
                    onPassageClick={sync.onTextPassageClick}
                    onViewChange={sync.onTextViewChange}
                    highlights={annotations.highlights}
                    playingPassageId={mediaUrl ? player.playing?.id : undefined}
                    onPlayPassage={playPassage}
                    editing={transcript.editing}
                  />
                  </>
                  )
                }
              </Loaded>
            </div>
          ) : null}
          <ReaderAnnotationsPane docId={docId} count={annotations.annotations.length} onOpen={(id) => byId.has(id) && sync.goToPassage(byId.get(id)!, { highlight: true })} />
          {panes.info && document.status === 'ready' ? <DocumentInfo document={document.data} footnotes={footnotes} onClose={() => setPanes((value) => ({ ...value, info: false }))} /> : null}
        </div>
        <SelectionAnnotator
          fallback={annotatePassage}
          sources={[
            { container: textColumn, resolve: annotations.resolveText },
            { container: pdfColumn, resolve: annotations.resolvePdf },
          ]}
        />
        {askUrl ? <ExternalLinkDialog url={askUrl} onConfirm={() => void confirmOpen()} onCancel={() => setAskUrl(undefined)} /> : null}
      </section>
      </PlayerContext.Provider>
    </AskToOpenContext.Provider>
  );
}

/** Focuses the first entity name of the passage (or, without one, the first on screen); the arrows go on from there. */
function focusFirstMention(passageId: string | undefined): void {
  const pane = window.document.querySelector<HTMLElement>('.text-scroller');
  if (!pane) return;
  const inPassage = passageId ? pane.querySelector<HTMLElement>(`[data-passage-id="${CSS.escape(passageId)}"] .mention`) : null;
  const top = pane.getBoundingClientRect().top;
  const onScreen = [...pane.querySelectorAll<HTMLElement>('.mention')].find((mention) => mention.getBoundingClientRect().top >= top);
  (inPassage ?? onScreen)?.focus();
}

function scrollText(direction: 1 | -1): void {
  const pane = window.document.querySelector<HTMLElement>('.text-scroller');
  if (pane) pane.scrollTop += direction * pane.clientHeight * 0.9;
}
