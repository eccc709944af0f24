import { useId, useState, type KeyboardEvent } from 'react';
import { api } from '../../api/client';
import './TopicMemo.css';

/** The API's limit on a topic's description. */
const maxLength = 10_000;

/**
 * A topic's memo: its definition, what the code means and when to apply it. Written and
 * edited in place (multi-line; Ctrl+Enter saves, Escape cancels), saved as the topic's
 * `description` through `topics.edit`, an undoable edit like any other change to the codebook.
 */
export function TopicMemo({ topicId, topicName, description }: { topicId: string; topicName: string; description: string }) {
  const [draft, setDraft] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const hintId = useId();
  const editing = draft !== undefined;

  const open = () => {
    setError(undefined);
    setSaved(false);
    setDraft(description);
  };
  const cancel = () => {
    setDraft(undefined);
    setError(undefined);
  };
  const save = async () => {
    if (draft === undefined || busy) return;
    const text = draft.replace(/\s+$/, '');
    if (text === description) return cancel();
    setBusy(true);
    setError(undefined);
    try {
      await api.invoke('topics.edit', { id: topicId, description: text });
      setDraft(undefined);
      setSaved(true);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };
  // Undo only if the memo is still the last change: otherwise Undo would take back something else.
  const undo = async () => {
    setSaved(false);
    const state = await api.invoke('undo.state', {});
    if (state.undoLabel === `Edit topic ${topicName}`) await api.invoke('undo.undo', {});
    else setError('Something else was changed after the definition, so Undo here would take that back instead. Ctrl+Z undoes changes one by one.');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  if (editing) {
    return (
      <form
        className="topic-memo editing"
        aria-label="Definition"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="topic-memo-label" htmlFor={`${hintId}-text`}>
          Definition
        </label>
        <textarea
          id={`${hintId}-text`}
          autoFocus
          rows={Math.min(12, Math.max(4, draft.split('\n').length + 1))}
          maxLength={maxLength}
          value={draft}
          placeholder="What this code means, when to apply it, when not to; an example."
          aria-describedby={hintId}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <div className="topic-memo-actions">
          <span id={hintId} className="muted topic-memo-hint">
            Ctrl+Enter saves · Escape cancels
          </span>
          <span className="topic-memo-buttons">
            <button type="button" onClick={cancel} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              Save definition
            </button>
          </span>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    );
  }

  return (
    <section className="topic-memo" aria-label="Definition">
      {description ? (
        <>
          <p className="topic-memo-label">Definition</p>
          <p className="topic-memo-text">{description}</p>
        </>
      ) : (
        <p className="topic-memo-empty muted">No definition yet — write what this code means.</p>
      )}
      <div className="topic-memo-actions">
        <button type="button" onClick={open}>
          {description ? 'Edit definition' : 'Write definition'}
        </button>
        {saved ? (
          <span role="status" className="topic-memo-saved">
            Definition saved.{' '}
            <button type="button" className="link-button" onClick={() => void undo()}>
              Undo
            </button>
          </span>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
