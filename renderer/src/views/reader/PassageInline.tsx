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
}

/** A passage's text with footnote markers, links and entity mentions in place. */
export function PassageInline({ passage, mentions, handlers, highlights }: { passage: Passage; mentions: Mention[]; handlers: InlineHandlers; highlights?: readonly HighlightRange[] }) {
  return (
    <>
      {inlineSegments(passage.text, passage.footnoteRefs, passage.links, mentions).map((segment, index) => {
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
        let node: ReactNode = highlights?.length ? <HighlightedText text={segment.text} ranges={highlights} offset={segment.start} /> : segment.text;
        if (segment.mention) {
          const { entityId } = segment.mention;
          node = (
            <span
              className="mention"
              data-entity={entityId}
              tabIndex={0}
              onPointerEnter={(event) => handlers.onMentionEnter(entityId, event.currentTarget)}
              onPointerLeave={handlers.onMentionLeave}
              onFocus={(event) => handlers.onMentionEnter(entityId, event.currentTarget)}
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
