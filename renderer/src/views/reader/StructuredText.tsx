import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent as ReactMouseEvent, ReactNode } from 'react';
import type { EntitySummary } from '../../../../electron/core/api/methods/corpus';
import type { Footnote, Mention, Passage } from '../../../../electron/core/corpus/schema';
import { groupBlocks } from './passage-blocks';
import { mentionKey, PassageInline } from './PassageInline';
import type { InlineHandlers } from './PassageInline';
import { PassageActions } from './PassageActions';
import { FootnotePopover } from './FootnotePopover';
import { EntityCard } from './EntityCard';
import { ExternalLink } from './ExternalLink';
import type { HighlightRange } from '../../annotations/highlight-pieces';
import { routeHref } from '../../app/routes';
import { navigate } from '../../app/use-route';
import { cellRanges } from './table-cells';
import { formatClock } from '../../media/clock';
import './StructuredText.css';
import type { TextView } from './view-sync';

export type { TextView } from './view-sync';

interface Props {
  docId: string;
  passages: Passage[];
  footnotes: Footnote[];
  mentions: Mention[];
  entities: ReadonlyMap<string, EntitySummary>;
  /** The passage marked in both views (deep link, click, j/k). */
  activePassageId?: string | undefined;
  highlightActive: boolean;
  /** Bring this passage into view; the nonce repeats the request for the same passage. */
  scrollRequest?: { passageId: string; nonce: number } | undefined;
  /** Open this note: its popover at the marker in the passage citing it, else the note in the list of notes. */
  footnoteRequest?: { number: number; passageId?: string | undefined; nonce: number } | undefined;
  onPassageClick: (passage: Passage) => void;
  onViewChange: (view: TextView, byUser: boolean) => void;
  /** The paper's annotations, per passage, drawn into the text. */
  highlights?: ReadonlyMap<string, HighlightRange[]>;
  /** A recording's transcript: the passage being said now, marked and kept in view while it plays. */
  playingPassageId?: string | undefined;
  /** A recording's transcript: a timed passage's time plays the recording from there. */
  onPlayPassage?: ((passage: Passage) => void) | undefined;
  /** An imported transcript: a passage's text may be corrected; this one is open in `renderEditor`, in its place. */
  editing?:
    | {
        passageId: string | undefined;
        onEdit: (passage: Passage) => void;
        renderEditor: (passage: Passage) => ReactNode;
      }
    | undefined;
}

/**
 * The paper as structured text: headings, paragraphs, lists, quotes and tables, with
 * footnote markers that open the note, and entity names marked with a card on hover or
 * focus. The names are one Tab stop together: Tab reaches one, the arrow keys the others,
 * Enter opens the entity's page.
 */
export const StructuredText = memo(function StructuredText(props: Props) {
  const { docId, passages, footnotes, mentions, entities, activePassageId, highlightActive, scrollRequest, footnoteRequest, onPassageClick, onViewChange, highlights, playingPassageId, onPlayPassage, editing } =
    props;
  const scroller = useRef<HTMLDivElement>(null);
  const programmatic = useRef(false);
  const body = useMemo(() => groupBlocks(passages.filter((passage) => !passage.backMatter)), [passages]);
  const backMatter = useMemo(() => groupBlocks(passages.filter((passage) => passage.backMatter)), [passages]);
  const byId = useMemo(() => new Map(passages.map((passage) => [passage.id, passage])), [passages]);
  const mentionsByPassage = useMemo(() => {
    const map = new Map<string, Mention[]>();
    for (const mention of mentions) map.set(mention.passageId, [...(map.get(mention.passageId) ?? []), mention]);
    return map;
  }, [mentions]);
  const mentionsPerEntity = useMemo(() => {
    const counts = new Map<string, number>();
    for (const mention of mentions) counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
    return counts;
  }, [mentions]);
  const footnoteByNumber = useMemo(() => new Map(footnotes.map((footnote) => [footnote.number, footnote])), [footnotes]);

  // The mention holding the Tab stop: the one last focused, else the paper's first.
  const firstMention = useMemo(() => {
    const first = passages.find((passage) => mentionsByPassage.has(passage.id));
    const mention = first && mentionsByPassage.get(first.id)!.reduce((a, b) => (b.start < a.start ? b : a));
    return mention ? mentionKey(mention.passageId, mention.start) : undefined;
  }, [passages, mentionsByPassage]);
  const [focusedMention, setFocusedMention] = useState<string>();
  const tabStopMention = focusedMention ?? firstMention;

  const [openFootnote, setOpenFootnote] = useState<{ number: number; anchor: HTMLElement } | undefined>();
  const [card, setCard] = useState<{ entityId: string; anchor: HTMLElement } | undefined>();
  const cardTimer = useRef(0);
  const keepCard = useCallback(() => window.clearTimeout(cardTimer.current), []);
  const dropCard = useCallback(() => {
    window.clearTimeout(cardTimer.current);
    cardTimer.current = window.setTimeout(() => setCard(undefined), 200);
  }, []);
  const handlers: InlineHandlers = useMemo(
    () => ({
      onFootnote: (number, anchor) => setOpenFootnote((open) => (open?.number === number && open.anchor === anchor ? undefined : { number, anchor })),
      onMentionEnter: (entityId, anchor) => {
        window.clearTimeout(cardTimer.current);
        setCard({ entityId, anchor });
      },
      onMentionLeave: dropCard,
      onMentionFocus: setFocusedMention,
    }),
    [dropCard],
  );
  const closeFootnote = useCallback(() => setOpenFootnote(undefined), []);

  useEffect(() => {
    if (!scrollRequest) return;
    const element = scroller.current?.querySelector<HTMLElement>(`[data-passage-id="${CSS.escape(scrollRequest.passageId)}"]`);
    if (!element || !scroller.current) return;
    const pane = scroller.current.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    const before = scroller.current.scrollTop;
    scroller.current.scrollTop += box.top - pane.top - Math.min(120, pane.height / 4);
    // Only a scroll that happened will report back, so only then is the next report ours.
    if (scroller.current.scrollTop !== before) programmatic.current = true;
  }, [scrollRequest]);

  // A note asked for by a link (a footnote search result): its popover at the citing
  // marker, or, when no passage cites it, the note itself in the list of notes.
  useEffect(() => {
    if (!footnoteRequest || !scroller.current) return;
    const root = scroller.current;
    const inPassage = footnoteRequest.passageId ? `[data-passage-id="${CSS.escape(footnoteRequest.passageId)}"] ` : '';
    const marker = root.querySelector<HTMLElement>(`${inPassage}button[data-footnote="${footnoteRequest.number}"]`);
    if (marker) {
      setOpenFootnote({ number: footnoteRequest.number, anchor: marker });
      marker.focus({ preventScroll: true });
      return;
    }
    const note = root.querySelector<HTMLElement>(`#footnote-${footnoteRequest.number}`);
    if (!note) return;
    root.scrollTop += note.getBoundingClientRect().top - root.getBoundingClientRect().top - 80;
    note.classList.add('is-highlighted');
  }, [footnoteRequest]);

  // The passage being said stays in view while it plays (only when it has left the view, so
  // reading a little ahead is not interrupted at every passage).
  useEffect(() => {
    if (!playingPassageId || !scroller.current) return;
    const element = scroller.current.querySelector<HTMLElement>(`[data-passage-id="${CSS.escape(playingPassageId)}"]`);
    if (!element) return;
    const pane = scroller.current.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    if (box.top >= pane.top && box.bottom <= pane.bottom) return;
    programmatic.current = true;
    element.scrollIntoView({ block: 'center' });
  }, [playingPassageId]);

  const frame = useRef(0);
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const pane = scroller.current;
      if (!pane) return;
      const byUser = !programmatic.current;
      programmatic.current = false;
      const paneBox = pane.getBoundingClientRect();
      let top: Passage | undefined;
      const pages = new Set<number>();
      for (const element of pane.querySelectorAll<HTMLElement>('[data-passage-id]')) {
        const box = element.getBoundingClientRect();
        if (box.bottom < paneBox.top + 8) continue;
        if (box.top > paneBox.bottom) break;
        const passage = byId.get(element.dataset.passageId!);
        if (!passage) continue;
        top ??= passage;
        pages.add(passage.page);
      }
      onViewChange({ ...(top ? { top } : {}), pages: [...pages] }, byUser);
    });
  };

  /** Arrow keys move between entity names; Enter opens the focused one's page. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = (event.target as HTMLElement).closest<HTMLElement>('.mention');
    if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      navigate(routeHref('entities', [current.dataset.entity!]));
      return;
    }
    const all = [...scroller.current!.querySelectorAll<HTMLElement>('.mention')];
    const index = all.indexOf(current);
    const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = all[Math.max(0, Math.min(all.length - 1, next))];
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'nearest' });
  };

  const inline = (passage: Passage, range?: { start: number; end: number }) => (
    <PassageInline
      passage={passage}
      mentions={mentionsByPassage.get(passage.id) ?? []}
      handlers={handlers}
      highlights={highlights?.get(passage.id)}
      tabStopMention={tabStopMention}
      {...(range ? { range } : {})}
    />
  );

  // The time a passage is said at, as a button that plays it: outside the passage text, so
  // selections and annotation offsets are unaffected.
  const time = (passage: Passage) =>
    onPlayPassage && passage.start !== undefined ? (
      <button
        type="button"
        className="passage-time"
        data-not-passage-text=""
        onClick={() => onPlayPassage(passage)}
        aria-label={`Play from ${formatClock(passage.start)}`}
        title={`Play from ${formatClock(passage.start)}`}
      >
        {formatClock(passage.start)}
      </button>
    ) : null;

  const renderPassage = (passage: Passage) => {
    const active = passage.id === activePassageId;
    const playing = passage.id === playingPassageId;
    const common = {
      'data-passage-id': passage.id,
      'data-page': passage.page,
      className: `passage passage-${passage.kind}${active ? ' is-active' : ''}${active && highlightActive ? ' is-highlighted' : ''}${playing ? ' is-playing' : ''}`,
      ...(playing ? { 'aria-current': 'time' as const } : {}),
      onClick: (event: ReactMouseEvent) => {
        if ((event.target as HTMLElement).closest('a, button, .mention')) return;
        if (!window.getSelection()?.isCollapsed) return;
        onPassageClick(passage);
      },
    };
    const editable = editing && passage.kind !== 'heading';
    const actions = <PassageActions docId={docId} passageId={passage.id} onEdit={editable ? () => editing.onEdit(passage) : undefined} />;
    if (editable && editing.passageId === passage.id) {
      return (
        <div key={passage.id} data-passage-id={passage.id} data-page={passage.page} data-not-passage-text="" className="passage passage-editing">
          {editing.renderEditor(passage)}
        </div>
      );
    }
    switch (passage.kind) {
      case 'heading': {
        const Tag = `h${Math.min(6, (passage.level ?? 2) + 1)}` as 'h2';
        return (
          <Tag key={passage.id} {...common}>
            {inline(passage)}
            {actions}
          </Tag>
        );
      }
      case 'list-item':
        return (
          <div key={passage.id} {...common} role="listitem">
            {inline(passage)}
            {actions}
          </div>
        );
      case 'quote':
        return (
          <blockquote key={passage.id} {...common}>
            {time(passage)}
            {passage.speaker ? <strong className="speaker">{passage.speaker}: </strong> : null}
            {inline(passage)}
            {actions}
          </blockquote>
        );
      default:
        return (
          <p key={passage.id} {...common}>
            {time(passage)}
            {passage.speaker ? <strong className="speaker">{passage.speaker}: </strong> : null}
            {inline(passage)}
            {actions}
          </p>
        );
    }
  };

  const renderRow = (passage: Passage, header: boolean) => {
    const active = passage.id === activePassageId;
    const Cell = header ? 'th' : 'td';
    return (
      <tr
        key={passage.id}
        data-passage-id={passage.id}
        data-page={passage.page}
        className={`passage passage-table-row${active ? ' is-active' : ''}${active && highlightActive ? ' is-highlighted' : ''}`}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('a, button, .mention') || !window.getSelection()?.isCollapsed) return;
          onPassageClick(passage);
        }}
      >
        {cellRanges(passage).map((range, index) => (
          <Cell key={index} scope={header ? 'col' : undefined}>
            {/* The tab that separates cells in the passage text: invisible, but it keeps selection offsets right. */}
            {index > 0 ? <span className="cell-gap">{'\t'}</span> : null}
            {inline(passage, range)}
          </Cell>
        ))}
      </tr>
    );
  };

  const renderBlocks = (blocks: ReturnType<typeof groupBlocks<Passage>>) =>
    blocks.map((block) => {
      if (block.kind === 'passage') return renderPassage(block.passage);
      const [head, ...rows] = block.rows;
      return (
        <div key={block.id} className="table-scroll">
          <table className="passage-table">
            <thead>{renderRow(head!, true)}</thead>
            <tbody>{rows.map((row) => renderRow(row, false))}</tbody>
          </table>
        </div>
      );
    });

  const openFootnoteData = openFootnote ? footnoteByNumber.get(openFootnote.number) : undefined;
  const cardEntity = card ? entities.get(card.entityId) : undefined;

  return (
    <div ref={scroller} className="text-scroller" onScroll={onScroll} onKeyDown={onKeyDown} aria-label="Structured text">
      <article className="structured-text">
        {renderBlocks(body)}
        {footnotes.length > 0 ? (
          <section className="footnotes" aria-label="Notes">
            <h2>Notes</h2>
            <ol>
              {footnotes.map((footnote) => (
                <li key={footnote.number} value={footnote.number} id={`footnote-${footnote.number}`}>
                  {footnote.text}
                  {footnote.urls.length > 0 ? (
                    <span className="footnote-sources">
                      {footnote.urls.map((url) => (
                        <ExternalLink key={url} url={url}>
                          ↗ open
                        </ExternalLink>
                      ))}
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {backMatter.length > 0 ? (
          <section className="back-matter" aria-label="Back matter">
            <h2>About this publication</h2>
            {renderBlocks(backMatter)}
          </section>
        ) : null}
      </article>
      {openFootnote && openFootnoteData ? <FootnotePopover footnote={openFootnoteData} anchor={openFootnote.anchor} onClose={closeFootnote} /> : null}
      {card && cardEntity ? (
        <EntityCard entity={cardEntity} mentionsHere={mentionsPerEntity.get(cardEntity.id) ?? 0} anchor={card.anchor} onPointerEnter={keepCard} onPointerLeave={dropCard} />
      ) : null}
    </div>
  );
});
