import { Fragment } from 'react';
import type { ReactNode } from 'react';
import type { Mention, Passage } from '../../../../electron/core/corpus/schema';
import { inlineSegments } from './inline-segments';
import { ExternalLink } from './ExternalLink';
import { HighlightedText } from '../../annotations/HighlightedText';
import type { HighlightRange } from '../../annotations/highlight-pieces';

export interface InlineHandlers {
  onFootnote: (number: number, anchor: HTMLElement) => void;
  onMentionEnter: (entityId: string, anchor: HTMLElement) => void;
  onMentionLeave: () => void;
  onMentionFocus: (key: string) => void;
}

/** Identifies a mention among all of a paper's, for the one that takes the Tab stop. */
export const mentionKey = (passageId: string, start: number) => `${passageId}:${start}`;

interface Props {
  passage: Passage;
  mentions: Mention[];
  handlers: InlineHandlers;
  highlights?: readonly HighlightRange[] | undefined;
  /** Only this stretch of the passage's text (a table cell); offsets stay the passage's. */
  range?: { start: number; end: number };
  /** The one mention reachable with Tab; every other is reached with the arrow keys from it. */
  tabStopMention?: string | undefined;
}

/** A passage's text (or a stretch of it) with footnote markers, links and entity mentions in place. */
export function PassageInline({ passage, mentions, handlers, highlights, range, tabStopMention }: Props) {
  const start = range?.start ?? 0;
  const end = range?.end ?? passage.text.length;
  const within = <T extends { start: number; end: number }>(items: readonly T[]) =>
    items.filter((item) => item.end > start && item.start < end).map((item) => ({ ...item, start: Math.max(start, item.start) - start, end: Math.min(end, item.end) - start }));
  // A marker right after a cell's last word belongs to that cell (the next one starts after a tab).
  const refs = passage.footnoteRefs.filter((ref) => ref.offset >= start && ref.offset <= end).map((ref) => ({ ...ref, offset: ref.offset - start }));
  return (
    <>
      {inlineSegments(passage.text.slice(start, end), refs, within(passage.links), within(mentions)).map((segment, index) => {
        if (segment.kind === 'footnote') {
          return (
            <sup key={`fn-${segment.number}`} className="footnote-ref">
              <button
                type="button"
                data-footnote={segment.number}
                aria-label={`Footnote ${segment.number}`}
                onClick={(event) => {
                  event.stopPropagation();
                  handlers.onFootnote(segment.number, event.currentTarget);
                }}
              >
                {segment.number}
              </button>
            </sup>
          );
        }
        let node: ReactNode = highlights?.length ? <HighlightedText text={segment.text} ranges={highlights} offset={start + segment.start} /> : segment.text;
        if (segment.mention) {
          const { entityId } = segment.mention;
          const key = mentionKey(passage.id, start + segment.mention.start);
          node = (
            <span
              className="mention"
              data-entity={entityId}
              data-mention={key}
              tabIndex={key === tabStopMention ? 0 : -1}
              onPointerEnter={(event) => handlers.onMentionEnter(entityId, event.currentTarget)}
              onPointerLeave={handlers.onMentionLeave}
              onFocus={(event) => {
                handlers.onMentionFocus(key);
                handlers.onMentionEnter(entityId, event.currentTarget);
              }}
              onBlur={handlers.onMentionLeave}
            >
              {node}
            </span>
          );
        }
        if (segment.link) node = <ExternalLink url={segment.link.url}>{node}</ExternalLink>;
        return <Fragment key={`t-${segment.start}-${index}`}>{node}</Fragment>;
      })}
    </>
  );
}
