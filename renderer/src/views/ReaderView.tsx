import { useEffect } from 'react';
import { useApi } from '../api/use-api';
import { Loaded, EmptyState } from '../components/States';
import { parsePlaySpan, routeHref } from '../app/routes';
import type { Route } from '../app/routes';
import { DocumentReader } from './reader/DocumentReader';

/**
 * `#/reader/<docId>?passage=<id>` opens a paper at that passage. `#/reader` alone reopens
 * the paper read last, where the reader left it; before anything was read it lists them.
 */
export function ReaderView({ route }: { route: Route }) {
  const docId = route.params[0];
  if (!docId) return <ReopenLast />;
  return (
    <DocumentReader
      key={docId}
      docId={docId}
      passageId={route.query.get('passage') ?? undefined}
      footnote={Number(route.query.get('footnote')) || undefined}
      playSpan={parsePlaySpan(route.query.get('play'))}
    />
  );
}

function ReopenLast() {
  const last = useApi('settings.lastReadingPosition', {});
  const documents = useApi('corpus.documents', {});
  const lastDocId = last.value?.docId;
  // A paper removed since is not reopened.
  const reopen = lastDocId && documents.value?.some((document) => document.id === lastDocId) ? lastDocId : undefined;
  useEffect(() => {
    // Replace, not push: Back from the paper leaves the Reader rather than coming back here.
    if (reopen) window.location.replace(routeHref('reader', [reopen]));
  }, [reopen]);
  if (last.status === 'loading' || reopen) return <div className="loading" aria-busy="true">Opening where you left off…</div>;
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
