import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { EventKind } from '../../../../electron/core/corpus/schema';
import type { EventEditView, EvidenceEvent } from '../../../../electron/core/evidence/index';
import { Modal } from '../../components/Modal';
import { TypeAhead } from '../../components/TypeAhead';
import { DateFields } from './DateFields';
import { emptyDateDraft, readDraft, useDateDraft } from './event-date-input';
import { kindLabels } from './labels';
import { saveEventEdit, type EventEditRequest } from './use-event-edits';

export type Saved = (made: EventEditView, message: string) => void;

/** Saving state shared by the dialogs: one error shown in place, the button off while core works. */
function useSaving(onSaved: Saved) {
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const save = async (edit: EventEditRequest | { error: string }, message: string) => {
    if ('error' in edit) return setError(edit.error);
    setSaving(true);
    setError(undefined);
    try {
      onSaved(await saveEventEdit(edit), message);
    } catch (failure) {
      setError((failure as Error).message);
      setSaving(false);
    }
  };
  return { error, setError, saving, save };
}

function Dialog({ title, onCancel, onSubmit, saving, error, children, submitLabel = 'Save', className }: { title: string; onCancel: () => void; onSubmit: () => void; saving: boolean; error: string | undefined; children: ReactNode; submitLabel?: string; className?: string }) {
  const titleId = useId();
  return (
    <Modal
      title={title}
      titleId={titleId}
      onCancel={onCancel}
      onSubmit={onSubmit}
      className={`event-edit-dialog${className ? ` ${className}` : ''}`}
      actions={
        <>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {submitLabel}
          </button>
        </>
      }
    >
      {children}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Modal>
  );
}

/** Corrects the date, with its precision: a month is kept as a month and drawn as one. */
export function RedateDialog({ event, onClose, onSaved }: { event: EvidenceEvent; onClose: () => void; onSaved: Saved }) {
  const [draft, setDraft] = useDateDraft({ text: event.date }, { ...emptyDateDraft, precision: 'year', year: event.date.slice(0, 4) });
  const { error, setError, saving, save } = useSaving(onSaved);
  const submit = async () => {
    const read = await readDraft(draft);
    if ('error' in read) return setError(read.error);
    if (read.reading.date === event.date) return setError('That is the date the event has already.');
    void save({ type: 'redate', eventId: event.id, date: read.reading.date }, `Date corrected to ${read.reading.label}.`);
  };
  return (
    <Dialog title="Correct the date" onCancel={onClose} onSubmit={() => void submit()} saving={saving} error={error} className="event-redate-dialog">
      <p className="muted">
        “{event.title}”, now dated {event.dateLabel}. Give the date as precisely as the sources do: a month stays a month.
      </p>
      <DateFields
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          setError(undefined);
        }}
      />
    </Dialog>
  );
}

export function RetitleDialog({ event, onClose, onSaved }: { event: EvidenceEvent; onClose: () => void; onSaved: Saved }) {
  const [title, setTitle] = useState(event.title);
  const { error, setError, saving, save } = useSaving(onSaved);
  const id = useId();
  const submit = () => {
    const text = title.trim();
    if (text.length < 2) return setError('A title needs at least two characters.');
    if (text.length > 200) return setError('A title has at most 200 characters.');
    if (text === event.title) return setError('That is the title the event has already.');
    void save({ type: 'retitle', eventId: event.id, title: text }, 'Title corrected.');
  };
  return (
    <Dialog title="Retitle the event" onCancel={onClose} onSubmit={submit} saving={saving} error={error}>
      <label htmlFor={id}>Title</label>
      <input
        id={id}
        type="text"
        value={title}
        maxLength={200}
        autoFocus
        onChange={(e) => {
          setTitle(e.target.value);
          setError(undefined);
        }}
      />
    </Dialog>
  );
}

/** Moves the passages a person picks to a new event: a merge that was wrong. */
export function SplitDialog({ event, onClose, onSaved }: { event: EvidenceEvent; onClose: () => void; onSaved: Saved }) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [title, setTitle] = useState('');
  const [ownDate, setOwnDate] = useState(false);
  const [draft, setDraft] = useDateDraft({ text: event.date }, { ...emptyDateDraft, precision: 'year', year: event.date.slice(0, 4) });
  const { error, setError, saving, save } = useSaving(onSaved);
  const ids = { title: useId() };
  const allPassages = event.sources.flatMap((source) => source.passageIds);
  const toggle = (passageIds: readonly string[], on: boolean) => {
    const next = new Set(picked);
    for (const passageId of passageIds) {
      if (on) next.add(passageId);
      else next.delete(passageId);
    }
    setPicked(next);
    setError(undefined);
  };
  const submit = async () => {
    if (picked.size === 0) return setError('Tick the passages that speak of another event.');
    if (picked.size === allPassages.length) return setError('Leave at least one passage with this event: a split makes two.');
    const text = title.trim();
    if (text.length < 2) return setError('Give the new event a title of at least two characters.');
    let date: string | undefined;
    if (ownDate) {
      const read = await readDraft(draft);
      if ('error' in read) return setError(read.error);
      date = read.reading.date;
    }
    void save({ type: 'split', eventId: event.id, passageIds: [...picked], title: text, ...(date ? { date } : {}) }, `“${text}” split off as an event of its own.`);
  };
  return (
    <Dialog title="Split the event" onCancel={onClose} onSubmit={() => void submit()} saving={saving} error={error} submitLabel="Split" className="event-split-dialog">
      <p className="muted">Tick what speaks of another event; it becomes a new event, and the rest stays with “{event.title}”.</p>
      <div className="event-split-sources">
        {event.sources.map((source) => {
          const all = source.passageIds.every((passageId) => picked.has(passageId));
          return (
            <fieldset key={source.docId} className="event-split-source" data-doc-id={source.docId}>
              <legend>
                <label>
                  <input type="checkbox" checked={all} onChange={(e) => toggle(source.passageIds, e.target.checked)} /> {source.docTitle}
                </label>
              </legend>
              {source.quotes.map((quote) => (
                <label key={`${quote.passageId}-${quote.start}`} className="event-split-quote" data-passage-id={quote.passageId}>
                  <input type="checkbox" checked={picked.has(quote.passageId)} onChange={(e) => toggle([quote.passageId], e.target.checked)} />
                  <span>
                    {quote.text} <span className="muted">p. {quote.page}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
      <label htmlFor={ids.title}>Title of the new event</label>
      <input
        id={ids.title}
        type="text"
        value={title}
        maxLength={200}
        placeholder="What the ticked passages speak of"
        onChange={(e) => {
          setTitle(e.target.value);
          setError(undefined);
        }}
      />
      <label className="event-own-date">
        <input type="checkbox" checked={ownDate} onChange={(e) => setOwnDate(e.target.checked)} /> The new event has another date than {event.dateLabel}
      </label>
      {ownDate ? (
        <DateFields
          draft={draft}
          legend="Date of the new event"
          onChange={(next) => {
            setDraft(next);
            setError(undefined);
          }}
        />
      ) : null}
    </Dialog>
  );
}

/** Makes one event of two: this one stays, the other's sources join it. */
export function MergeDialog({ event, events, onClose, onSaved }: { event: EvidenceEvent; events: readonly EvidenceEvent[]; onClose: () => void; onSaved: Saved }) {
  const [other, setOther] = useState<EvidenceEvent | undefined>();
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  const { error, setError, saving, save } = useSaving(onSaved);
  const options = useMemo(
    () => events.map((e) => ({ id: e.id, label: e.title, detail: `${e.dateLabel}${e.sources.length > 1 ? ` · ${e.sources.length} papers` : ''}`, keywords: [e.dateLabel] })),
    [events],
  );
  const submit = () => {
    if (!other) return setError('Choose the event to merge with: type part of its title or date, then pick it.');
    void save(
      { type: 'merge', eventIds: [event.id, other.id], ...(keep === 'other' ? { title: other.title } : {}) },
      `Merged: “${keep === 'other' ? other.title : event.title}” now has the sources of both.`,
    );
  };
  return (
    <Dialog title="Merge with another event" onCancel={onClose} onSubmit={submit} saving={saving} error={error} submitLabel="Merge" className="event-merge-dialog">
      <p className="muted">The other event's papers and passages join “{event.title}” ({event.dateLabel}), which keeps its date.</p>
      {other ? (
        <div className="event-merge-picked" data-event-id={other.id}>
          <p>
            <strong>{other.title}</strong> <span className="muted">· {other.dateLabel}</span>
          </p>
          <button type="button" className="link-button" onClick={() => setOther(undefined)}>
            Choose another
          </button>
          <fieldset className="event-merge-title">
            <legend>Title of the merged event</legend>
            <label>
              <input type="radio" name="merge-title" checked={keep === 'this'} onChange={() => setKeep('this')} /> {event.title}
            </label>
            <label>
              <input type="radio" name="merge-title" checked={keep === 'other'} onChange={() => setKeep('other')} /> {other.title}
            </label>
          </fieldset>
        </div>
      ) : (
        <TypeAhead
          label="Event to merge with"
          placeholder="Type part of its title or date"
          options={options}
          exclude={[event.id]}
          onPick={(option) => {
            setOther(events.find((e) => e.id === option.id));
            setError(undefined);
          }}
        />
      )}
    </Dialog>
  );
}

/**
 * The kind, chosen then saved with its button (arrow keys on a closed select change its value
 * in Chromium, which must not make a correction per key press); undone like any correction.
 */
export function KindSelect({ event, onSaved, onError }: { event: EvidenceEvent; onSaved: Saved; onError: (message: string) => void }) {
  const [kind, setKind] = useState<EventKind>(event.kind);
  const [saving, setSaving] = useState(false);
  // A new event opened, or the kind corrected (here or elsewhere): start from it.
  const [shownFor, setShownFor] = useState(`${event.id}:${event.kind}`);
  if (shownFor !== `${event.id}:${event.kind}`) {
    setShownFor(`${event.id}:${event.kind}`);
    setKind(event.kind);
  }
  const save = () => {
    setSaving(true);
    saveEventEdit({ type: 'reclassify', eventId: event.id, kind }).then(
      (made) => {
        setSaving(false);
        onSaved(made, `Kind changed to ${kindLabels[kind]}.`);
      },
      (failure: Error) => {
        setSaving(false);
        onError(failure.message);
      },
    );
  };
  return (
    <span className="event-kind-select">
      <label>
        Kind{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as EventKind)}>
          {(Object.keys(kindLabels) as EventKind[]).map((value) => (
            <option key={value} value={value}>
              {kindLabels[value]}
            </option>
          ))}
        </select>
      </label>
      {kind !== event.kind ? (
        <button type="button" className="primary" onClick={save} disabled={saving}>
          Save kind
        </button>
      ) : null}
    </span>
  );
}
