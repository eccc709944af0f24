import { useEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import type { Footnote, Passage } from '../../../../electron/core/corpus/schema';

interface Props {
  passages: Passage[];
  footnotes: Footnote[];
  highlightedPassageId?: string;
}

/** Passage text with footnote markers put back where they stood, and links kept. */
function renderInline(passage: Passage): ReactNode[] {
  const cuts = new Set<number>([0, passage.text.length]);
  for (const ref of passage.footnoteRefs) cuts.add(ref.offset);
  for (const link of passage.links) {
    cuts.add(link.start);
    cuts.add(link.end);
  }
  const points = [...cuts].filter((point) => point <= passage.text.length).sort((a, b) => a - b);
  const nodes: ReactNode[] = [];
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    for (const ref of passage.footnoteRefs.filter((item) => item.offset === at)) {
      nodes.push(
        <sup key={`fn-${ref.number}-${at}`} className="footnote-ref" data-footnote={ref.number}>
          {ref.number}
        </sup>,
      );
    }
    const next = points[i + 1];
    if (next === undefined) break;
    const text = passage.text.slice(at, next);
    const link = passage.links.find((item) => item.start <= at && item.end >= next);
    nodes.push(
      link ? (
        <span key={`t-${at}`} className="inline-link" title={link.url}>
          {text}
        </span>
      ) : (
        text
      ),
    );
  }
  return nodes;
}

export function StructuredText({ passages, footnotes, highlightedPassageId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const body = useMemo(() => passages.filter((passage) => !passage.backMatter), [passages]);
  const backMatter = useMemo(() => passages.filter((passage) => passage.backMatter), [passages]);

  useEffect(() => {
    if (!highlightedPassageId) return;
    const element = container.current?.querySelector<HTMLElement>(`[data-passage-id="${CSS.escape(highlightedPassageId)}"]`);
    element?.scrollIntoView({ block: 'center' });
  }, [highlightedPassageId, passages]);

  const renderPassage = (passage: Passage) => {
    const common = {
      'data-passage-id': passage.id,
      'data-page': passage.page,
      className: `passage passage-${passage.kind}${passage.id === highlightedPassageId ? ' is-highlighted' : ''}`,
    };
    switch (passage.kind) {
      case 'heading': {
        const level = Math.min(6, (passage.level ?? 2) + 1);
        const Tag = `h${level}` as 'h2';
        return (
          <Tag key={passage.id} {...common}>
            {renderInline(passage)}
          </Tag>
        );
      }
      case 'table-row':
        return (
          <div key={passage.id} {...common} role="row">
            {(passage.cells ?? [passage.text]).map((cell, index) => (
              <span key={index} role="cell" className="table-cell">
                {cell}
              </span>
            ))}
          </div>
        );
      case 'list-item':
        return (
          <div key={passage.id} {...common} role="listitem">
            {renderInline(passage)}
          </div>
        );
      case 'quote':
        return (
          <blockquote key={passage.id} {...common}>
            {passage.speaker ? <strong className="speaker">{passage.speaker}: </strong> : null}
            {renderInline(passage)}
          </blockquote>
        );
      default:
        return (
          <p key={passage.id} {...common}>
            {passage.speaker ? <strong className="speaker">{passage.speaker}: </strong> : null}
            {renderInline(passage)}
          </p>
        );
    }
  };

  return (
    <div ref={container} className="structured-text" aria-label="Structured text">
      {body.map(renderPassage)}
      {footnotes.length > 0 ? (
        <section className="footnotes" aria-label="Footnotes">
          <h2>Notes</h2>
          <ol>
            {footnotes.map((footnote) => (
              <li key={footnote.number} value={footnote.number} id={`footnote-${footnote.number}`}>
                {footnote.text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {backMatter.length > 0 ? (
        <section className="back-matter" aria-label="Back matter">
          <h2>Back matter</h2>
          {backMatter.map(renderPassage)}
        </section>
      ) : null}
    </div>
  );
}
