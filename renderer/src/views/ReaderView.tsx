import { useApi } from '../api/use-api';
import { Loaded, EmptyState } from '../components/States';
import { routeHref } from '../app/routes';
import type { Route } from '../app/routes';
import { DocumentReader } from './reader/DocumentReader';

/** `#/reader` lists the papers; `#/reader/<docId>?passage=<id>` opens one, at that passage. */
export function ReaderView({ route }: { route: Route }) {
  const docId = route.params[0];
  if (!docId) return <ChooseDocument />;
  return <DocumentReader key={docId} docId={docId} passageId={route.query.get('passage') ?? undefined} />;
}

function ChooseDocument() {
  const documents = useApi('corpus.documents', {});
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
