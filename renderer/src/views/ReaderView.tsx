import { useQuery } from '../api/use-query';
import { Loaded, EmptyState } from '../components/States';
import { routeHref } from '../app/routes';
import type { Route } from '../app/routes';
import { StructuredText } from './reader/StructuredText';

export function ReaderView({ route }: { route: Route }) {
  const docId = route.params[0];
  if (!docId) return <ChooseDocument />;
  return <DocumentReader key={docId} docId={docId} passageId={route.query.get('passage') ?? undefined} />;
}

function ChooseDocument() {
  const documents = useQuery('corpus.documents', {});
  return (
    <section className="view" aria-labelledby="reader-title">
      <header className="view-header">
        <h1 id="reader-title">Reader</h1>
      </header>
      <Loaded state={documents}>
        {(items) => (
          <EmptyState title="Choose a paper to read">
            <ul className="plain-list">
              {items.map((document) => (
                <li key={document.id}>
                  <a href={routeHref('reader', [document.id])}>{document.title}</a>
                </li>
              ))}
            </ul>
          </EmptyState>
        )}
      </Loaded>
    </section>
  );
}

function DocumentReader({ docId, passageId }: { docId: string; passageId?: string }) {
  const document = useQuery('corpus.document', { docId });
  const passages = useQuery('corpus.passages', { docId });
  const footnotes = useQuery('corpus.footnotes', { docId });
  return (
    <section className="view reader-view" aria-label="Reader">
      <Loaded state={document}>
        {(doc) => (
          <header className="reader-header">
            <h1>{doc.title}</h1>
            <p className="muted">
              {doc.authors.join(', ')}
              {doc.year ? ` · ${doc.year}` : ''}
              {doc.publishers.length ? ` · ${doc.publishers.join('; ')}` : ''}
            </p>
          </header>
        )}
      </Loaded>
      <Loaded state={passages}>
        {(items) => <StructuredText passages={items} footnotes={footnotes.status === 'ready' ? footnotes.data : []} highlightedPassageId={passageId} />}
      </Loaded>
    </section>
  );
}
