import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EntitySummary } from '../../../../electron/core/api/methods/corpus';
import type { Footnote, Mention, Passage } from '../../../../electron/core/corpus/schema';
import { groupBlocks } from './passage-blocks';
import { PassageInline } from './PassageInline';
import type { InlineHandlers } from './PassageInline';
import { PassageActions } from './PassageActions';
import { FootnotePopover } from './FootnotePopover';
import { EntityCard } from './EntityCard';
import { ExternalLink } from './ExternalLink';
import type { HighlightRange } from '../../annotations/highlight-pieces';
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
  activePassageId?: string;
  highlightActive: boolean;
  /** Bring this passage into view; the nonce repeats the request for the same passage. */
  scrollRequest?: { passageId: string; nonce: number };
  onPassageClick: (passage: Passage) => void;
  onViewChange: (view: TextView, byUser: boolean) => void;
  /** The paper's annotations, per passage, drawn into the text. */
  highlights?: ReadonlyMap<string, HighlightRange[]>;
}

/**
 * The paper as structured text: headings, paragraphs, lists, quotes and tables, with
 * footnote markers that open the note, and entity names marked with a card on hover.
 */
export function StructuredText({ docId, passages, footnotes, mentions, entities, activePassageId, highlightActive, scrollRequest, onPassageClick, onViewChange, highlights }: Props) {
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

  const [openFootnote, setOpenFootnote] = useState<{ number: number; anchor: HTMLElement } | undefined>();
  const [card, setCard] = useState<{ entityId: string; anchor: HTMLElement } | undefined>();
  const cardTimer = useRef(0);
  const keepCard = () => window.clearTimeout(cardTimer.current);
  const dropCard = () => {
    window.clearTimeout(cardTimer.current);
    cardTimer.current = window.setTimeout(() => setCard(undefined), 200);
  };
  const handlers: InlineHandlers = useMemo(
    () => ({
      onFootnote: (number, anchor) => setOpenFootnote((open) => (open?.number === number && open.anchor === anchor ? undefined : { number, anchor })),
      onMentionEnter: (entityId, anchor) => {
        window.clearTimeout(cardTimer.current);
        setCard({ entityId, anchor });
      },
      onMentionLeave: dropCard,
    }),
    [],
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
      onViewChange({ top, pages: [...pages] }, byUser);
    });
  };

  const renderPassage = (passage: Passage) => {
    const active = passage.id === activePassageId;
    const common = {
      'data-passage-id': passage.id,
      'data-page': passage.page,
      className: `passage passage-${passage.kind}${active ? ' is-active' : ''}${active && highlightActive ? ' is-highlighted' : ''}`,
      onClick: (event: React.MouseEvent) => {
        if ((event.target as HTMLElement).closest('a, button, .mention')) return;
        if (!window.getSelection()?.isCollapsed) return;
        onPassageClick(passage);
      },
    };
    const inline = <PassageInline passage={passage} mentions={mentionsByPassage.get(passage.id) ?? []} handlers={handlers} highlights={highlights?.get(passage.id)} />;
    const actions = <PassageActions docId={docId} passageId={passage.id} />;
    switch (passage.kind) {
      case 'heading': {
        const Tag = `h${Math.min(6, (passage.level ?? 2) + 1)}` as 'h2';
        return (
          <Tag key={passage.id} {...common}>
            {inline}
            {actions}
          </Tag>
        );
      }
      case 'list-item':
        return (
          <div key={passage.id} {...common} role="listitem">
            {inline}
            {actions}
          </div>
        );
      case 'quote':
        return (
          <blockquote key={passage.id} {...common}>
            {passage.speaker ? <strong className="speaker">{passage.speaker}: </strong> : null}
            {inline}
            {actions}
          </blockquote>
        );
      default:
        return (
          <p key={passage.id} {...common}>
            {passage.speaker ? <strong className="speaker">{passage.speaker}: </strong> : null}
            {inline}
            {actions}
          </p>
        );
    }
  };

  const renderBlocks = (blocks: ReturnType<typeof groupBlocks<Passage>>) =>
    blocks.map((block) => {
      if (block.kind === 'passage') return renderPassage(block.passage);
      const [head, ...rows] = block.rows;
      return (
        <div key={block.id} className="table-scroll">
          <table className="passage-table">
            <thead>
              <TableRow passage={head!} header active={head!.id === activePassageId} highlight={highlightActive} onClick={onPassageClick} />
            </thead>
            <tbody>
              {rows.map((row) => (
                <TableRow key={row.id} passage={row} active={row.id === activePassageId} highlight={highlightActive} onClick={onPassageClick} />
              ))}
            </tbody>
          </table>
        </div>
      );
    });

  const openFootnoteData = openFootnote ? footnoteByNumber.get(openFootnote.number) : undefined;
  const cardEntity = card ? entities.get(card.entityId) : undefined;

  return (
    <div ref={scroller} className="text-scroller" onScroll={onScroll} aria-label="Structured text">
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
}

function TableRow({ passage, header, active, highlight, onClick }: { passage: Passage; header?: boolean; active: boolean; highlight: boolean; onClick: (passage: Passage) => void }) {
  const Cell = header ? 'th' : 'td';
  return (
    <tr data-passage-id={passage.id} data-page={passage.page} className={`passage passage-table-row${active ? ' is-active' : ''}${active && highlight ? ' is-highlighted' : ''}`} onClick={() => onClick(passage)}>
      {(passage.cells ?? [passage.text]).map((cell, index) => (
        <Cell key={index} scope={header ? 'col' : undefined}>
          {cell}
        </Cell>
      ))}
    </tr>
  );
}
