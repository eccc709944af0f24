import { useState } from 'react';
import { api } from '../../api/client';
import { routeHref } from '../../app/routes';
import { navigate } from '../../app/use-route';
import type { DraftSummary } from '../../../../electron/core/drafts/model';
import type { DraftLists } from './use-draft-lists';
import './DraftList.css';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The drafts, newest first, with rename, duplicate and delete (to the trash); the trash below. */
export function DraftList({ lists, currentId }: { lists: DraftLists; currentId?: string }) {
  const [error, setError] = useState<string>();
  const [showTrash, setShowTrash] = useState(false);

  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      lists.reload();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const create = () =>
    act(async () => {
      const draft = await api.invoke('drafts.create', {});
      navigate(routeHref('drafts', [draft.id]));
    });

  return (
    <div className="draft-list">
      <div className="draft-list-actions">
        <button type="button" className="primary" onClick={() => void create()}>
          + New draft
        </button>
      </div>
      {error && (
        <p className="draft-error" role="alert">
          {error}
        </p>
      )}
      {lists.error && (
        <p className="draft-error" role="alert">
          {lists.error.message}
        </p>
      )}
      {lists.drafts?.length === 0 && <p className="muted">No drafts yet.</p>}
      <ul className="plain-list draft-items">
        {lists.drafts?.map((draft) => (
          <DraftItem
            key={draft.id}
            draft={draft}
            current={draft.id === currentId}
            onRename={(title) => act(() => api.invoke('drafts.rename', { id: draft.id, title }))}
            onDuplicate={() =>
              act(async () => {
                const copy = await api.invoke('drafts.duplicate', { id: draft.id });
                navigate(routeHref('drafts', [copy.id]));
              })
            }
            onTrash={() =>
              act(async () => {
                await api.invoke('drafts.trash', { id: draft.id });
                if (draft.id === currentId) navigate(routeHref('drafts'));
              })
            }
          />
        ))}
      </ul>
      <button type="button" className="link-button trash-toggle" aria-expanded={showTrash} onClick={() => setShowTrash((value) => !value)}>
        Trash ({lists.trash?.length ?? 0})
      </button>
      {showTrash && (
        <ul className="plain-list draft-items trash-items" aria-label="Trash">
          {lists.trash?.length === 0 && <li className="muted">The trash is empty.</li>}
          {lists.trash?.map((draft) => (
            <TrashItem
              key={draft.id}
              draft={draft}
              onRestore={() => act(() => api.invoke('drafts.restore', { id: draft.id }))}
              onPurge={() => act(() => api.invoke('drafts.purge', { id: draft.id }))}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function DraftItem({ draft, current, onRename, onDuplicate, onTrash }: { draft: DraftSummary; current: boolean; onRename: (title: string) => Promise<void>; onDuplicate: () => void; onTrash: () => void }) {
  const [renaming, setRenaming] = useState<string>();
  return (
    <li className={`draft-item${current ? ' is-current' : ''}`} data-draft-id={draft.id}>
      {renaming === undefined ? (
        <a className="draft-item-title" href={routeHref('drafts', [draft.id])} aria-current={current ? 'page' : undefined}>
          {draft.title}
        </a>
      ) : (
        <form
          className="draft-rename"
          onSubmit={(event) => {
            event.preventDefault();
            void onRename(renaming).then(() => setRenaming(undefined));
          }}
        >
          <input type="text" aria-label="New title" autoFocus value={renaming} maxLength={500} onChange={(event) => setRenaming(event.target.value)} onKeyDown={(event) => event.key === 'Escape' && setRenaming(undefined)} />
          <button type="submit">Rename</button>
        </form>
      )}
      <span className="draft-item-meta">
        {draft.wordCount} words · {draft.citationCount} citations · {dateFormat.format(new Date(draft.updatedAt))}
      </span>
      <span className="draft-item-actions">
        <button type="button" onClick={() => setRenaming(draft.title)}>
          Rename
        </button>
        <button type="button" onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" onClick={onTrash}>
          Delete
        </button>
      </span>
    </li>
  );
}

function TrashItem({ draft, onRestore, onPurge }: { draft: DraftSummary; onRestore: () => void; onPurge: () => void }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="draft-item is-trashed" data-draft-id={draft.id}>
      <span className="draft-item-title">{draft.title}</span>
      <span className="draft-item-meta">
        {draft.wordCount} words · deleted {draft.trashedAt ? dateFormat.format(new Date(draft.trashedAt)) : ''}
      </span>
      <span className="draft-item-actions">
        <button type="button" onClick={onRestore}>
          Restore
        </button>
        {confirming ? (
          <button type="button" className="danger" onClick={onPurge}>
            Delete forever?
          </button>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete forever
          </button>
        )}
      </span>
    </li>
  );
}
