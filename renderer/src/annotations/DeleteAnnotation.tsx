import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import type { CitingDraft } from '../../../electron/core/annotations';
import { api, ApiError } from '../api/client';
import { routeHref } from '../app/routes';
import { Modal } from '../components/Modal';
import './DeleteAnnotation.css';

interface Pending {
  annotation: AnnotationView;
  citedIn: CitingDraft[];
  after?: (() => void) | undefined;
}

/**
 * Deleting an annotation from a card or the Annotations view. One no draft cites goes at
 * once (Ctrl+Z brings it back); for one that drafts cite, core refuses until told what
 * becomes of the citations, and this asks the user, listing the drafts with links to them.
 * Confirmed, the citations stay (marked "quote deleted" in the draft) until the author decides.
 */
export function useDeleteAnnotation(): { remove: (annotation: AnnotationView, after?: () => void) => Promise<void>; dialog: ReactNode; error: string | undefined } {
  const [pending, setPending] = useState<Pending>();
  const [error, setError] = useState<string>();

  const remove = async (annotation: AnnotationView, after?: () => void) => {
    setError(undefined);
    try {
      await api.invoke('annotations.delete', { id: annotation.id });
      after?.();
    } catch (failure) {
      const citedIn = citedInOf(failure);
      if (citedIn) setPending({ annotation, citedIn, after });
      else setError((failure as Error).message);
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setPending(undefined);
    try {
      await api.invoke('annotations.delete', { id: pending.annotation.id, citedIn: 'keep-tombstone' });
      pending.after?.();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const dialog = pending ? <CitedAnnotationDialog pending={pending} onConfirm={() => void confirm()} onCancel={() => setPending(undefined)} /> : null;
  return { remove, dialog, error };
}

function citedInOf(failure: unknown): CitingDraft[] | undefined {
  if (!(failure instanceof ApiError) || failure.code !== 'CONFLICT') return undefined;
  const citedIn = (failure.details as { citedIn?: CitingDraft[] } | undefined)?.citedIn;
  return Array.isArray(citedIn) && citedIn.length > 0 ? citedIn : undefined;
}

function CitedAnnotationDialog({ pending, onConfirm, onCancel }: { pending: Pending; onConfirm: () => void; onCancel: () => void }) {
  const titleId = useId();
  const { annotation, citedIn } = pending;
  const quote = annotation.target.selectors.quote.exact;
  const count = citedIn.reduce((sum, draft) => sum + draft.citations, 0);
  return (
    <Modal
      title={citedIn.length === 1 ? 'A draft cites this annotation' : `${citedIn.length} drafts cite this annotation`}
      titleId={titleId}
      className="confirm-dialog cited-annotation-dialog"
      onCancel={onCancel}
      actions={
        <>
          <button type="button" onClick={onCancel} autoFocus>
            Keep the annotation
          </button>
          <button type="button" className="danger" onClick={onConfirm}>
            Delete, keep the citations
          </button>
        </>
      }
    >
      <blockquote className="cited-annotation-quote">{quote.length > 200 ? `${quote.slice(0, 197)}…` : quote}</blockquote>
      <p>It is cited {count === 1 ? 'once' : `${count} times`} in:</p>
      <ul className="cited-annotation-drafts" aria-label="Drafts that cite it">
        {citedIn.map((draft) => (
          <li key={draft.draftId}>
            <a href={routeHref('drafts', [draft.draftId])} onClick={onCancel}>
              {draft.title}
            </a>
            <span className="muted">
              {' '}
              · {draft.citations} citation{draft.citations === 1 ? '' : 's'}
              {draft.trashed ? ' · in the trash' : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted">
        If you delete it, those citations stay: they still cite its passage in {annotation.documentTitle}, stay in the bibliography, and are marked “quote deleted” in the draft, where you can cite the passage instead or remove them. Ctrl+Z brings the annotation back.
      </p>
    </Modal>
  );
}
