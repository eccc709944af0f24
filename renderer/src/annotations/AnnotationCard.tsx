import type { ReactNode } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import { passageHref } from '../app/routes';
import { startAnnotationDrag } from './annotation-drag';
import './AnnotationCard.css';
import './highlights.css';
import { useTeamUsers } from '../team/TeamUsersProvider';
import { usePlayer } from '../media/player-context';
import { formatSpan } from '../media/clock';

/**
 * One annotation as lists show it: the quote in its colour, where it is, note, topics and
 * links. Cards can be dragged into a draft, which quotes the annotation with its citation.
 */
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function AnnotationCard({
  annotation,
  showDocument = false,
  showDate = false,
  linkFocusable = true,
  onOpen,
  actions,
}: {
  annotation: AnnotationView;
  showDocument?: boolean;
  showDate?: boolean;
  /** False inside a list that is one Tab stop and opens cards with Enter itself. */
  linkFocusable?: boolean;
  onOpen?: () => void;
  actions?: ReactNode;
}) {
  // A transcript of a recording has no pages worth naming; its quotes are placed by time.
  const page = annotation.timeSpan ? undefined : annotation.target.selectors.page?.page;
  const href = passageHref(annotation.docId, annotation.target.passageIds[0]!);
  const team = useTeamUsers();
  const coder = team.nameOf(annotation.coder);
  const editor = annotation.editedBy !== annotation.coder ? team.nameOf(annotation.editedBy) : undefined;
  // In the reader of its recording, a quote of a timed transcript plays its own span.
  const player = usePlayer(annotation.docId);
  const span = annotation.timeSpan;
  return (
    <article
      className={`annotation-card color-${annotation.color}${team.colorByCoder ? ' by-coder' : ''}`}
      style={team.colorByCoder ? { borderLeftColor: team.colorOf(annotation.coder) } : undefined}
      data-coder={annotation.coder}
      data-annotation-id={annotation.id}
      data-anchor-status={annotation.anchorStatus}
      draggable
      onDragStart={(event) => startAnnotationDrag(event, annotation)}
    >
      <a
        className="annotation-card-quote"
        href={href}
        draggable={false}
        tabIndex={linkFocusable ? undefined : -1}
        onClick={
          onOpen
            ? (event) => {
                event.preventDefault();
                onOpen();
              }
            : undefined
        }
      >
        {annotation.target.selectors.quote.exact}
      </a>
      <p className="annotation-card-source muted">
        {[
          showDocument ? `${annotation.documentTitle}${page ? `, p. ${page}` : ''}` : page ? `p. ${page}` : '',
          annotation.speaker ?? '',
          span && !player ? formatSpan(span) : '',
          showDate ? dayFormat.format(new Date(annotation.createdAt)) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
        <span className="annotation-card-coder">
          {showDocument || page || annotation.speaker || (span && !player) || showDate ? ' · ' : ''}
          {team.colorByCoder ? <span className="coder-swatch" style={{ background: team.colorOf(annotation.coder) }} aria-hidden="true" /> : null}
          {coder}
          {editor ? `, edited by ${editor}` : ''}
        </span>
        {annotation.anchorStatus === 'fuzzy' ? ' · found again approximately' : ''}
        {annotation.anchorStatus === 'orphan' ? ' · no longer found in the text' : ''}
      </p>
      {span && player ? (
        <button type="button" className="annotation-card-play" onClick={() => player.playSpan(span)} aria-label={`Play the quote, ${formatSpan(span)}`}>
          ▶ {formatSpan(span)}
        </button>
      ) : null}
      {annotation.note ? <p className="annotation-card-note">{annotation.note}</p> : null}
      {annotation.topics.length + annotation.entities.length + annotation.recommendations.length > 0 ? (
        <p className="annotation-card-tags">
          {annotation.topics.map((topic) => (
            <span key={topic.id} className="chip topic-chip" style={{ borderColor: topic.color }}>
              <span className="topic-dot" style={{ background: topic.color }} aria-hidden="true" />
              {topic.path}
            </span>
          ))}
          {annotation.entities.map((entity) => (
            <span key={entity.id} className="chip entity-chip">
              {entity.name}
            </span>
          ))}
          {annotation.recommendations.map((item) => (
            <span key={item.id} className="chip recommendation-chip" title={item.label}>
              Rec. {item.label}
            </span>
          ))}
        </p>
      ) : null}
      {actions ? <div className="annotation-card-actions">{actions}</div> : null}
    </article>
  );
}
