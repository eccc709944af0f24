import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Passage } from '../../../electron/core/corpus/schema';
import type { PassageEditResult } from '../../../electron/core/interviews/methods';
import { errorText, editorKeys } from './PassageEditor';
import { formatClock } from './clock';
import './PassageEditor.css';

/** Seconds with a tenth, as the time fields show them. */
const tenths = (seconds: number) => Math.round(seconds * 10) / 10;

/**
 * Where a passage written at `time` may start: `time` itself in a gap of the transcript;
 * inside a passage, where that passage (and any that follow it without a gap) ends, so the
 * time offered never overlaps what is already written.
 */
export function freeStart(time: number, passages: readonly Passage[]): number {
  const timed = passages.filter((passage) => passage.start !== undefined && passage.end !== undefined).sort((a, b) => a.start! - b.start!);
  let at = time;
  for (const passage of timed) if (passage.start! <= at && at < passage.end!) at = passage.end!;
  return at;
}

/** Where a passage written at `time` may end by default: a few seconds on, before the next passage and the recording's end. */
export function defaultEnd(time: number, duration: number, passages: readonly Passage[]): number {
  const next = passages.filter((passage) => passage.start !== undefined && passage.start > time).reduce((at, passage) => Math.min(at, passage.start!), Infinity);
  return tenths(Math.max(time, Math.min(time + 5, next, duration)));
}

/**
 * Writes a passage into a recording's transcript: what is said, by whom, from when to
 * when (starting where the player is). Core places it in time order and refuses times that
 * overlap another passage, saying which.
 */
export function PassageWriter({
  docId,
  duration,
  passages,
  currentTime,
  onClose,
  onSaved,
}: {
  docId: string;
  duration: number;
  passages: readonly Passage[];
  /** Where the player is: the start offered, and what "Now" takes. */
  currentTime: number;
  onClose: () => void;
  onSaved: (result: PassageEditResult) => void;
}) {
  const id = useId();
  // Rounded up, so a start after a passage ending at 2.345 s is not 2.3 s, inside it.
  const firstFree = Math.ceil(freeStart(currentTime, passages) * 10) / 10;
  const [start, setStart] = useState(() => String(firstFree));
  const [end, setEnd] = useState(() => String(defaultEnd(firstFree, duration, passages)));
  const speakers = useMemo(() => [...new Set(passages.flatMap((passage) => (passage.speaker ? [passage.speaker] : [])))], [passages]);
  const [speaker, setSpeaker] = useState('');
  const [text, setText] = useState('');
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);

  const save = async () => {
    if (state.busy) return;
    const from = Number(start);
    const to = Number(end);
    if (!Number.isFinite(from) || !Number.isFinite(to) || from < 0 || !(to > from)) return setState({ busy: false, error: 'Give a start and an end in seconds, the end after the start.' });
    if (!text.trim()) return setState({ busy: false, error: 'Write what is said.' });
    setState({ busy: true });
    try {
      const result = await api.invoke('transcript.addPassage', { docId, text, start: from, end: to, ...(speaker.trim() ? { speaker: speaker.trim() } : {}) });
      onSaved(result);
      onClose();
    } catch (error) {
      setState({ busy: false, error: errorText(error) });
    }
  };
  const keys = editorKeys(() => void save(), onClose);

  return (
    <form
      className="passage-editor passage-writer"
      aria-label="Write a passage"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={keys}
    >
      <div className="passage-editor-meta">
        <strong className="passage-editor-speaker">New passage</strong>
        <span className="passage-editor-hint">It goes in time order, and may touch the passages around it but not overlap them.</span>
      </div>
      <div className="passage-writer-fields">
        <label>
          <span>Start (s)</span>
          <input type="number" min={0} step="any" value={start} onChange={(event) => setStart(event.currentTarget.value)} disabled={state.busy} />
        </label>
        <label>
          <span>End (s)</span>
          <input type="number" min={0} step="any" value={end} onChange={(event) => setEnd(event.currentTarget.value)} disabled={state.busy} />
        </label>
        <button type="button" onClick={() => setEnd(String(tenths(currentTime)))} disabled={state.busy} title="End where the player is now">
          End at {formatClock(currentTime)}
        </button>
        <label className="passage-writer-speaker">
          <span>Speaker</span>
          <input list={`${id}-speakers`} value={speaker} placeholder="optional" onChange={(event) => setSpeaker(event.currentTarget.value)} disabled={state.busy} />
          <datalist id={`${id}-speakers`}>
            {speakers.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
      </div>
      <textarea ref={field} value={text} aria-label="What is said" rows={3} placeholder="What is said…" onChange={(event) => setText(event.currentTarget.value)} disabled={state.busy} />
      {state.error ? (
        <p className="passage-editor-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div className="passage-editor-actions">
        <span className="passage-editor-keys">Recording: {formatClock(duration)} · Ctrl+Enter saves · Esc cancels</span>
        <button type="button" onClick={onClose} disabled={state.busy}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={state.busy} aria-busy={state.busy}>
          {state.busy ? 'Saving…' : 'Add passage'}
        </button>
      </div>
    </form>
  );
}
