import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { Passage } from '../../../electron/core/corpus/schema';
import type { PassageEditResult } from '../../../electron/core/interviews/methods';
import { formatClock } from './clock';
import './PassageEditor.css';

export function errorText(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

/** Ctrl/Cmd+Enter saves, Esc cancels: the keys of every inline editor here. */
export function editorKeys(save: () => void, cancel: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  };
}

/**
 * A passage's text in a field to correct it, in the passage's place: its time and speaker
 * are shown and stay as they are. Saving moves the annotations on it with their words
 * (core does); one step of Edit > Undo.
 */
export function PassageEditor({ docId, passage, onClose, onSaved }: { docId: string; passage: Passage; onClose: () => void; onSaved: (result: PassageEditResult) => void }) {
  const [text, setText] = useState(passage.text);
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = field.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);

  const save = async () => {
    if (state.busy) return;
    if (text.trim() === passage.text) return onClose();
    setState({ busy: true });
    try {
      const result = await api.invoke('transcript.correctPassage', { docId, passageId: passage.id, text });
      onSaved(result);
      onClose();
    } catch (error) {
      setState({ busy: false, error: errorText(error) });
    }
  };

  return (
    <form
      className="passage-editor"
      aria-label="Correct passage"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onClick={(event) => event.stopPropagation()}
    >
      <div className="passage-editor-meta">
        {passage.start !== undefined && passage.end !== undefined ? (
          <span className="passage-editor-time" aria-label={`Said from ${formatClock(passage.start)} to ${formatClock(passage.end)}`}>
            {formatClock(passage.start)}–{formatClock(passage.end)}
          </span>
        ) : null}
        {passage.speaker ? <strong className="passage-editor-speaker">{passage.speaker}</strong> : null}
        <span className="passage-editor-hint">Times and speaker stay; annotations keep their words.</span>
      </div>
      <textarea
        ref={field}
        value={text}
        aria-label="Passage text"
        rows={Math.min(10, Math.max(3, Math.ceil(text.length / 70)))}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={editorKeys(() => void save(), onClose)}
        disabled={state.busy}
      />
      {state.error ? (
        <p className="passage-editor-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div className="passage-editor-actions">
        <span className="passage-editor-keys">Ctrl+Enter saves · Esc cancels</span>
        <button type="button" onClick={onClose} disabled={state.busy}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={state.busy || !text.trim()} aria-busy={state.busy}>
          {state.busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
