import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { api } from '../api/client';
import { useApi, useInvalidate, useWriteCache } from '../api/use-api';
import { useTeamUsers } from '../team/TeamUsersProvider';
import './DocumentNote.css';

/** Unsaved text is kept per document for the session, so a reload or a closed panel loses nothing. */
const draftKey = (docId: string) => `workbench.document-note-draft:${docId}`;

function readDraft(docId: string): string | undefined {
  try {
    return sessionStorage.getItem(draftKey(docId)) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeDraft(docId: string, text: string | undefined): void {
  try {
    if (text === undefined) sessionStorage.removeItem(draftKey(docId));
    else sessionStorage.setItem(draftKey(docId), text);
  } catch {
    // Storage refused (private mode, quota): the text stays in the field all the same.
  }
}

function editedWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * The note on a whole document (a memo on the paper, where an annotation's note is on a
 * passage): shown with who wrote it and when, or an empty state that offers to write one.
 * Editing is a multi-line field: Ctrl/Cmd+Enter saves, Escape cancels.
 */
export function DocumentNote({ docId }: { docId: string }) {
  const note = useApi('annotations.documentNote', { docId });
  const { nameOf } = useTeamUsers();
  const writeCache = useWriteCache();
  const invalidate = useInvalidate();
  const [draft, setDraft] = useState<string | undefined>(() => readDraft(docId));
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const hintId = useId();

  useEffect(() => setDraft(readDraft(docId)), [docId]);

  const edit = (text: string | undefined) => {
    setDraft(text);
    writeDraft(docId, text);
  };
  const startEditing = () => {
    edit(note.value?.text ?? '');
    setError(undefined);
    requestAnimationFrame(() => field.current?.focus());
  };
  const cancel = () => {
    edit(undefined);
    setError(undefined);
  };
  const save = async () => {
    if (draft === undefined || saving) return;
    setSaving(true);
    setError(undefined);
    try {
      const saved = await api.invoke('annotations.setDocumentNote', { docId, text: draft });
      writeCache('annotations.documentNote', { docId }, saved);
      void invalidate('annotations.documentNotes');
      edit(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  };

  return (
    <section className="document-note-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Document note</h3>
      {draft !== undefined ? (
        <div className="document-note-editor">
          <textarea
            ref={field}
            aria-labelledby={headingId}
            aria-describedby={hintId}
            value={draft}
            rows={5}
            maxLength={20_000}
            placeholder="What this document is for you: why it matters, what to check, where it fits."
            onChange={(event) => edit(event.target.value)}
            onKeyDown={onKeyDown}
            autoFocus
          />
          <p id={hintId} className="document-note-hint">
            Ctrl+Enter saves · Escape cancels{draft.trim() === '' && note.value ? ' · saving it empty removes the note' : ''}
          </p>
          {error ? (
            <p className="document-note-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="document-note-actions">
            <button type="button" className="primary" onClick={() => void save()} disabled={saving}>
              {saving ? 'Saving…' : 'Save note'}
            </button>
            <button type="button" onClick={cancel} disabled={saving}>
              Cancel
            </button>
          </div>
        </div>
      ) : note.status === 'loading' ? (
        <p className="muted" aria-busy="true">
          Loading…
        </p>
      ) : note.status === 'error' ? (
        <p className="document-note-error" role="alert">
          {note.error.message}{' '}
          <button type="button" className="link-button" onClick={note.reload}>
            Try again
          </button>
        </p>
      ) : note.data ? (
        <div className="document-note-shown">
          <p className="document-note-text">{note.data.text}</p>
          <p className="document-note-byline">
            {nameOf(note.data.editedBy)}, {editedWhen(note.data.editedAt)}
          </p>
          <button type="button" onClick={startEditing}>
            Edit note
          </button>
        </div>
      ) : (
        <p className="document-note-empty">
          No note on this document yet —{' '}
          <button type="button" className="link-button" onClick={startEditing}>
            write one
          </button>
        </p>
      )}
    </section>
  );
}
