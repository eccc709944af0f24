import type { TopicPageQuote } from '../../../../electron/core/annotations/topic-page';
import { passageHref, playSpanHref } from '../../app/routes';
import { formatSpan } from '../../media/clock';
import './QuoteList.css';

/** Quotes with their document, page, speaker, context and note, each linking to its place. */
export function QuoteList({ quotes, topicNames }: { quotes: TopicPageQuote[]; topicNames: Map<string, { path: string; color: string }> }) {
  return (
    <ol className="topic-quotes">
      {quotes.map((quote) => (
        <li key={quote.annotationId} className="topic-quote" data-annotation-id={quote.annotationId}>
          <p className="topic-quote-source">
            <a href={passageHref(quote.docId, quote.passageId)}>
              {quote.documentTitle}
              {quote.page && !quote.timeSpan ? `, p. ${quote.page}` : ''}
            </a>
            {quote.speaker ? <span className="topic-quote-speaker"> · {quote.speaker}</span> : null}
            {quote.timeSpan ? (
              <>
                {' · '}
                <a className="topic-quote-play" href={playSpanHref(quote.docId, quote.passageId, quote.timeSpan)} aria-label={`Play the quote in the reader, ${formatSpan(quote.timeSpan)}`}>
                  ▶ {formatSpan(quote.timeSpan)}
                </a>
              </>
            ) : null}
            {quote.attributes ? (
              <span className="topic-quote-attributes">
                {' · '}
                {Object.entries(quote.attributes)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join(', ')}
              </span>
            ) : null}
            {quote.anchorStatus === 'orphan' ? <span className="muted"> · no longer found in the text</span> : null}
          </p>
          <blockquote className="topic-quote-text">
            {quote.before ? <span className="topic-quote-context">{quote.before}</span> : null}
            <mark>{quote.quote}</mark>
            {quote.after ? <span className="topic-quote-context">{quote.after}</span> : null}
          </blockquote>
          {quote.note ? <p className="topic-quote-note">{quote.note}</p> : null}
          {quote.topicIds.length > 1 ? (
            <p className="topic-quote-topics">
              {quote.topicIds.map((id) => {
                const topic = topicNames.get(id);
                return (
                  <span key={id} className="chip topic-chip" style={{ borderColor: topic?.color }}>
                    {topic?.path ?? id}
                  </span>
                );
              })}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
