import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api, ApiError } from '../api/client';
import { Modal } from '../components/Modal';
import { useApi } from '../api/use-api';
import { EmptyState, Loaded } from '../components/States';
import type { CitingDraftView, ReferenceView } from '../../../electron/core/references';
import { matchReferences, shortAuthors } from './reference-matches';
import './ReferencesSection.css';

/** CSL types as a reader names them. */
const typeLabels: Record<string, string> = {
  book: 'Book',
  chapter: 'Chapter',
  'article-journal': 'Article',
  'article-newspaper': 'News',
  'article-magazine': 'Magazine',
  report: 'Report',
  thesis: 'Thesis',
  webpage: 'Web page',
  'paper-conference': 'Paper',
  legislation: 'Law',
  legal_case: 'Case',
  document: 'Document',
  interview: 'Interview',
  dataset: 'Dataset',
};

/**
 * The reference library beside the papers: works imported from Zotero (or any .bib, .ris or
 * CSL-JSON file), filtered as one types, each with its citation key. A deleted reference can
 * be brought back (the Undo button, or Ctrl/Cmd+Z in the list).
 */
export function ReferencesSection({ highlight }: { highlight?: string }) {
  const references = useApi('references.list', {});
  const [filter, setFilter] = useState('');
  const [deleted, setDeleted] = useState<ReferenceView | undefined>();
  const [error, setError] = useState<string | undefined>();
  // A reference drafts cite is deleted only once the author has seen which drafts.
  const [confirming, setConfirming] = useState<{ reference: ReferenceView; citedIn: CitingDraftView[] } | undefined>();

  const remove = (reference: ReferenceView, cited?: 'delete') => {
    setError(undefined);
    api.invoke('references.delete', { id: reference.id, ...(cited ? { cited } : {}) }).then(
      () => {
        setConfirming(undefined);
        setDeleted(reference);
      },
      (failure: Error) => {
        const citedIn = failure instanceof ApiError && failure.code === 'CONFLICT' ? (failure.details as { citedIn?: CitingDraftView[] } | undefined)?.citedIn : undefined;
        if (citedIn) setConfirming({ reference, citedIn });
        else setError(failure.message);
      },
    );
  };
  const undo = () => {
    api.invoke('references.undo', {}).then(
      () => setDeleted(undefined),
      (failure: Error) => setError(failure.message),
    );
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && deleted && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      undo();
    }
  };

  return (
    <section className="references-section" aria-labelledby="references-title" onKeyDown={onKeyDown}>
      <h2 id="references-title" className="visually-hidden">
        References
      </h2>
      <Loaded state={references}>
        {(list) =>
          list.length === 0 && !deleted ? (
            <EmptyState title="No references yet">
              <p>
                Bring in the works you cite from Zotero: choose <strong>File → Export Library…</strong> (or right-click a collection → <strong>Export Collection…</strong>), pick{' '}
                <strong>BibTeX</strong>, <strong>RIS</strong> or <strong>CSL JSON</strong>, then press <em>Import…</em> or drop the file on this window. JabRef and Mendeley
                exports (.bib, .ris) work too. Duplicates merge into one reference; importing the same file again adds nothing.
              </p>
              <p>In a draft, type @ and the reference's author or key to cite it.</p>
            </EmptyState>
          ) : (
            <ReferenceTable list={list} filter={filter} setFilter={setFilter} onDelete={remove} highlight={highlight} />
          )
        }
      </Loaded>
      {deleted ? (
        <p className="references-status" role="status">
          Deleted <code>{deleted.citationKey}</code>. Drafts citing it show it as not found until you undo.{' '}
          <button type="button" onClick={undo}>
            Undo
          </button>
        </p>
      ) : null}
      {error ? (
        <p className="references-status is-error" role="alert">
          {error}
        </p>
      ) : null}
      {confirming ? (
        <Modal
          title={`Delete ${confirming.reference.citationKey}?`}
          titleId="delete-reference-title"
          onCancel={() => setConfirming(undefined)}
          actions={
            <>
              <button type="button" onClick={() => setConfirming(undefined)} autoFocus>
                Cancel
              </button>
              <button type="button" className="danger-solid" onClick={() => remove(confirming.reference, 'delete')}>
                Delete reference
              </button>
            </>
          }
        >
          <p>
            “{confirming.reference.item.title}” is cited in {confirming.citedIn.length === 1 ? 'a draft' : `${confirming.citedIn.length} drafts`}. Its citations will show as “[source not found]” until you undo.
          </p>
          <ul className="references-cited-in">
            {confirming.citedIn.map((draft) => (
              <li key={draft.draftId}>
                {draft.title} ({draft.citations} citation{draft.citations === 1 ? '' : 's'}){draft.trashed ? ', in the trash' : ''}
              </li>
            ))}
          </ul>
        </Modal>
      ) : null}
    </section>
  );
}

function ReferenceTable({
  list,
  filter,
  setFilter,
  onDelete,
  highlight,
}: {
  list: ReferenceView[];
  filter: string;
  setFilter: (value: string) => void;
  onDelete: (reference: ReferenceView) => void;
  highlight?: string;
}) {
  const shown = useMemo(() => matchReferences(list, filter), [list, filter]);
  const tableRef = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (highlight) tableRef.current?.querySelector(`[data-reference-id="${CSS.escape(highlight)}"]`)?.scrollIntoView({ block: 'center' });
  }, [highlight, shown]);
  const [copied, setCopied] = useState<string | undefined>();
  const copyKey = (reference: ReferenceView) => {
    void navigator.clipboard?.writeText(`[@${reference.citationKey}]`).then(
      () => setCopied(reference.id),
      () => setCopied(undefined),
    );
  };

  return (
    <>
      <div className="references-toolbar">
        <input
          type="search"
          className="references-filter"
          placeholder="Filter by author, title, year or key"
          aria-label="Filter references"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filter) {
              event.preventDefault();
              setFilter('');
            }
          }}
        />
        <span className="muted references-count" aria-live="polite">
          {shown.length === list.length ? `${list.length} reference${list.length === 1 ? '' : 's'}` : `${shown.length} of ${list.length}`}
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="muted references-no-match">No reference matches “{filter}”. Press Esc to clear the filter.</p>
      ) : (
        <table className="references-table" ref={tableRef}>
          <thead>
            <tr>
              <th scope="col" className="col-authors">
                Author
              </th>
              <th scope="col" className="col-year">
                Year
              </th>
              <th scope="col" className="col-title">
                Title
              </th>
              <th scope="col" className="col-type">
                Type
              </th>
              <th scope="col" className="col-key">
                Key
              </th>
              <th scope="col" className="col-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((reference) => (
              <tr key={reference.id} data-reference-id={reference.id} data-citation-key={reference.citationKey} className={reference.id === highlight ? 'is-highlighted' : undefined}>
                <td className="col-authors" title={reference.authors}>
                  {shortAuthors(reference)}
                </td>
                <td className="col-year">{reference.year ?? 'n.d.'}</td>
                <td className="col-title">
                  <span className="reference-title">{reference.item.title}</span>
                  {typeof reference.item['container-title'] === 'string' ? <span className="muted reference-container"> · {reference.item['container-title']}</span> : null}
                </td>
                <td className="col-type">{typeLabels[reference.item.type] ?? reference.item.type}</td>
                <td className="col-key">
                  <button type="button" className="reference-key" title={`Copy [@${reference.citationKey}] for Markdown`} onClick={() => copyKey(reference)}>
                    <code>{reference.citationKey}</code>
                    {copied === reference.id ? <span className="muted"> copied</span> : null}
                  </button>
                </td>
                <td className="col-actions">
                  <button type="button" className="reference-delete" aria-label={`Delete ${reference.citationKey}`} title="Delete this reference (Undo brings it back)" onClick={() => onDelete(reference)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
