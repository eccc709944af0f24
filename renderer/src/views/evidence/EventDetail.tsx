import { passageHref, routeHref } from '../../app/routes';
import type { EvidenceEvent } from '../../../../electron/core/evidence/index';
import { kindLabels, precisionLabels } from './labels';

/** An event and what each paper says of it, the papers side by side. */
export function EventDetail({ event, entityName }: { event: EvidenceEvent; entityName: (id: string) => string }) {
  return (
    <article className="evidence-event-detail" aria-labelledby="evidence-event-title" data-event-id={event.id}>
      <header>
        <p className="eyebrow">
          {event.dateLabel} · {kindLabels[event.kind]} · dated to the {precisionLabels[event.precision]}
        </p>
        <h2 id="evidence-event-title">{event.title}</h2>
        {event.entityIds.length > 0 ? (
          <p className="evidence-entities">
            {event.entityIds.slice(0, 8).map((id) => (
              <a key={id} className="chip" href={routeHref('entities', [id])}>
                {entityName(id)}
              </a>
            ))}
          </p>
        ) : null}
        <p className="muted">
          {event.sources.length === 1 ? 'One paper speaks of it.' : `${event.sources.length} papers speak of it.`}
        </p>
      </header>
      <div className="evidence-sources" data-count={event.sources.length}>
        {event.sources.map((source) => (
          <section key={source.docId} className="evidence-source" data-doc-id={source.docId} aria-label={source.docTitle}>
            <h3 title={source.docTitle}>{source.docTitle}</h3>
            <ul>
              {source.quotes.map((quote) => (
                <li key={`${quote.passageId}-${quote.start}`}>
                  <blockquote>{quote.text}</blockquote>
                  <a href={passageHref(source.docId, quote.passageId)} className="evidence-passage-link">
                    Open at p. {quote.page}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </article>
  );
}
