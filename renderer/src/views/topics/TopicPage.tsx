import { useState } from 'react';
import type { TopicSummary } from '../../../../electron/core/api/methods/annotations';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { downloadText } from '../../annotations/download-text';
import { routeHref } from '../../app/routes';
import { EmptyState, Loaded } from '../../components/States';
import { AutocodeDialog } from '../../interviews/AutocodeDialog';
import { CaseFilter, caseFilterArgs, type CaseFilterValue } from '../../interviews/CaseFilter';
import { groupQuotes } from '../../interviews/group-quotes';
import { QuoteList } from './QuoteList';
import { TopicMemo } from './TopicMemo';
import './TopicPage.css';

/** Every quote under one topic, with counts of quotes and documents. */
export function TopicPage({ topicId, topics }: { topicId: string; topics: TopicSummary[] }) {
  const [withSubtopics, setWithSubtopics] = useState(false);
  const [narrow, setNarrow] = useState<CaseFilterValue>({});
  const [groupBy, setGroupBy] = useState('');
  const [autocoding, setAutocoding] = useState(false);
  const page = useApi('topics.page', { topicId, includeDescendants: withSubtopics, ...caseFilterArgs(narrow) }, { keepPrevious: true });
  const narrowed = Boolean(narrow.speaker || narrow.attribute);
  const [exportError, setExportError] = useState<string>();
  // The topic's quotes as Markdown, opening with its definition (its memo).
  const exportMarkdown = async () => {
    setExportError(undefined);
    try {
      downloadText(await api.invoke('annotations.export', { format: 'md', filter: { topicId, includeDescendants: withSubtopics, ...caseFilterArgs(narrow) } }));
    } catch (caught) {
      setExportError((caught as Error).message);
    }
  };
  const names = new Map(topics.map((topic) => [topic.id, { path: topic.path, color: topic.color }]));
  return (
    <Loaded state={page}>
      {(data) => (
        <article className="topic-page" data-topic-id={data.topic.id}>
          <header className="topic-page-header">
            <p className="eyebrow">Topic</p>
            <h2>
              <span className="topic-dot large" style={{ background: data.topic.color }} aria-hidden="true" />
              {data.path}
            </h2>
            <TopicMemo topicId={data.topic.id} topicName={data.topic.name} description={data.topic.description} />
            <p className="topic-counts">
              <span>
                <strong>{data.quotes.length}</strong> {data.quotes.length === 1 ? 'quote' : 'quotes'} in <strong>{data.documents}</strong> {data.documents === 1 ? 'document' : 'documents'}
              </span>
              {data.children.length > 0 ? (
                <label className="with-subtopics">
                  <input type="checkbox" checked={withSubtopics} onChange={(event) => setWithSubtopics(event.target.checked)} /> include subtopics ({data.quotesWithSubtopics})
                </label>
              ) : null}
              <button type="button" className="topic-export" onClick={() => void exportMarkdown()}>
                Export as Markdown
              </button>
              <button type="button" onClick={() => setAutocoding(true)} title="Code every turn of a speaker, or every passage with some words, with this topic">
                Auto-code…
              </button>
            </p>
            <CaseFilter value={narrow} onChange={setNarrow} groupBy={groupBy} onGroupBy={setGroupBy} />
            {exportError ? (
              <p className="form-error" role="alert">
                {exportError}
              </p>
            ) : null}
            {data.children.length > 0 ? (
              <p className="topic-children">
                Subtopics:{' '}
                {data.children.map((child) => (
                  <a key={child.id} href={routeHref('topics', [child.id])} className="chip">
                    {child.name} <span className="count">{child.quotes}</span>
                  </a>
                ))}
              </p>
            ) : null}
          </header>
          {autocoding ? <AutocodeDialog topicId={data.topic.id} topicPath={data.path} onClose={() => setAutocoding(false)} /> : null}
          {data.quotes.length === 0 ? (
            narrowed ? (
              <EmptyState title="No quotes for this speaker or attribute">Choose “Any” to see every quote of this topic.</EmptyState>
            ) : (
              <EmptyState title="No quotes yet">Select text in the reader and code it with this topic.</EmptyState>
            )
          ) : groupBy ? (
            groupQuotes(data.quotes, groupBy).map((group) => (
              <section key={group.label} className="quote-group" aria-label={`${group.label}: ${group.quotes.length} ${group.quotes.length === 1 ? 'quote' : 'quotes'}`}>
                <h3 className="quote-group-heading">
                  {group.label} <span className="count">{group.quotes.length}</span>
                </h3>
                <QuoteList quotes={group.quotes} topicNames={names} />
              </section>
            ))
          ) : (
            <QuoteList quotes={data.quotes} topicNames={names} />
          )}
        </article>
      )}
    </Loaded>
  );
}
