import { useApi } from '../api/use-api';
import { Loaded, EmptyState } from '../components/States';
import { routeHref } from '../app/routes';
import { useRoute } from '../app/use-route';
import { ReferencesSection } from '../references/ReferencesSection';
import { ImportButton } from '../import/ImportButton';
import { ImportedDocumentActions } from '../import/ImportedDocumentActions';
import { EditDetailsButton } from '../metadata/EditDetailsButton';
import { displayValue } from './reader/MetadataFields';
import type { DocumentSummary } from '../../../electron/core/api/methods/corpus';
import type { MetadataFieldView } from '../../../electron/core/metadata/describe';
import './LibraryView.css';
import { formatClock } from '../media/clock';

/** A card's field with its source a hover (or a screen reader) away; a supplied year is marked. */
function LibraryField({ document, field, label }: { document: DocumentSummary; field: MetadataFieldView['field']; label: string }) {
  const view = document.metadataFields.find((item) => item.field === field);
  return (
    <div>
      <dt>{label}</dt>
      <dd title={view ? `${label}: ${view.explanation}` : undefined} data-source={view?.source ?? 'none'}>
        {view && view.value !== null ? displayValue(view) : <span className="metadata-missing-value">not found</span>}
        {view?.source === 'inferred' ? <span className="metadata-tag">inferred</span> : null}
        {view?.source === 'file-name' || view?.source === 'curated' ? <span className="metadata-tag">not printed</span> : null}
      </dd>
    </div>
  );
}

/**
 * The Library: papers (bundled and imported) and, on their own tab beside them, the
 * reference library (`#/library/references`, `?reference=ID` to point at one).
 */
export function LibraryView() {
  const route = useRoute();
  const tab = route.params[0] === 'references' ? 'references' : 'papers';
  const documents = useApi('corpus.documents', {});
  const referenceCount = useApi('references.list', {}, { select: (list) => list.length });
  return (
    <section className="view library-view" aria-labelledby="library-title">
      <header className="view-header">
        <h1 id="library-title">Library</h1>
        <p className="view-subtitle">The bundled policy papers on Kosovo's security and foreign policy, the documents you import, and the references you cite from Zotero.</p>
        <nav className="segmented library-tabs" aria-label="Library sections">
          <a href={routeHref('library')} aria-current={tab === 'papers' ? 'page' : undefined}>
            Papers{documents.status === 'ready' ? ` (${documents.data.length})` : ''}
          </a>
          <a href={routeHref('library', ['references'])} aria-current={tab === 'references' ? 'page' : undefined}>
            References{referenceCount.status === 'ready' ? ` (${referenceCount.data})` : ''}
          </a>
        </nav>
        <ImportButton />
      </header>
      {tab === 'references' ? <ReferencesSection {...(route.query.get('reference') ? { highlight: route.query.get('reference')! } : {})} /> : <PaperList />}
    </section>
  );
}

function PaperList() {
  const documents = useApi('corpus.documents', {});
  const notes = useApi('annotations.documentNotes', {}, { select: (list) => new Map(list.map((note) => [note.docId, note.text])) });
  return (
    <Loaded state={documents}>
      {(items) =>
        items.length === 0 ? (
          <EmptyState title="The library is empty">The bundled corpus could not be found.</EmptyState>
        ) : (
          <ul className="document-list">
            {items.map((document) => (
              <li key={document.id} className="document-card" data-doc-id={document.id}>
                <a href={routeHref('reader', [document.id])} className="document-link">
                  <h2 className="document-title">{document.title}</h2>
                  {document.subtitle ? <p className="document-subtitle">{document.subtitle}</p> : null}
                </a>
                {document.metadataFields.find((item) => item.field === 'title')?.source === 'file-name' ? (
                  <p className="metadata-warning">No title was found in the file; it is named after its file name.</p>
                ) : null}
                <p className="document-authors">{document.authors.join(', ') || 'No author given'}</p>
                <dl className="document-meta">
                  <LibraryField document={document} field="year" label="Year" />
                  <LibraryField document={document} field="publishers" label="Publisher" />
                  {document.media ? (
                    <div>
                      <dt>{document.media.video ? 'Video' : 'Recording'}</dt>
                      <dd>{formatClock(document.media.duration)}</dd>
                    </div>
                  ) : (
                    <div>
                      <dt>Pages</dt>
                      <dd>{document.pageCount}</dd>
                    </div>
                  )}
                  <div>
                    <dt>Passages</dt>
                    <dd>{document.passageCount}</dd>
                  </div>
                  <div>
                    <dt>Footnotes</dt>
                    <dd>{document.footnoteCount}</dd>
                  </div>
                  <div>
                    <dt>Recommendations</dt>
                    <dd>{document.recommendationCount}</dd>
                  </div>
                </dl>
                {notes.value?.has(document.id) ? (
                  <p className="document-has-note" title={notes.value.get(document.id)}>
                    <span className="document-has-note-label">Document note</span> <span className="document-has-note-text">{notes.value.get(document.id)}</span>
                  </p>
                ) : null}
                <span className="badge">{document.origin === 'bundled' ? 'Bundled paper' : 'Imported'}</span>
                {document.damaged ? (
                  <p className="document-damaged" role="status">
                    Damaged: {document.damaged}
                  </p>
                ) : null}
                {document.origin === 'bundled' ? (
                  <div className="document-actions">
                    <EditDetailsButton document={document} />
                  </div>
                ) : (
                  <ImportedDocumentActions document={document} />
                )}
              </li>
            ))}
          </ul>
        )
      }
    </Loaded>
  );
}
