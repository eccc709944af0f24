import { useId, useState } from 'react';
import type { AnnotationView } from '../../../../electron/core/api/methods/annotations';
import type { EventKind } from '../../../../electron/core/corpus/schema';
import type { EventEditView } from '../../../../electron/core/evidence/index';
import { Modal } from '../../components/Modal';
import { DateFields } from './DateFields';
import { emptyDateDraft, readDraft, useDateDraft } from './event-date-input';
import { kindLabels } from './labels';
import { saveEventEdit } from './use-event-edits';

/** A title to start from: the note if it is short, else the quote cut where a word ends. */
export function titleFromAnnotation(annotation: AnnotationView): string {
  const note = annotation.note?.trim() ?? '';
  if (note.length >= 2 && note.length <= 120 && !note.includes('\n')) return note;
  const quote = annotation.target.selectors.quote.exact.replace(/\s+/g, ' ').trim();
  if (quote.length <= 120) return quote.replace(/[.;:,]$/, '');
  const cut = quote.slice(0, 120);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).replace(/[.;:,]$/, '')}…`;
}

/**
 * Makes an event of an annotated passage, for what the extraction missed: the date is read
 * from the quote when it gives one, the title from the note or the quote; core records the
 * annotated sentences as the event's source and the entities they name.
 */
export function AddEventDialog({ annotation, onClose, onAdded }: { annotation: AnnotationView; onClose: () => void; onAdded: (made: EventEditView) => void }) {
  const quote = annotation.target.selectors.quote.exact;
  const [title, setTitle] = useState(() => titleFromAnnotation(annotation));
  // Core reads the most precise date the quote (or else the note) gives, as it reads the papers.
  const [draft, setDraft] = useDateDraft({ text: `${quote}\n${annotation.note ?? ''}`.slice(0, 5000), within: true }, { ...emptyDateDraft, precision: 'year' });
  const [kind, setKind] = useState<EventKind>('other');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const ids = { heading: useId(), title: useId(), kind: useId() };

  const save = async () => {
    const text = title.trim();
    if (text.length < 2) return setError('Give the event a title of at least two characters.');
    if (text.length > 200) return setError('A title has at most 200 characters.');
    const read = await readDraft(draft);
    if ('error' in read) return setError(read.error);
    setSaving(true);
    setError(undefined);
    try {
      onAdded(await saveEventEdit({ type: 'add', annotationId: annotation.id, date: read.reading.date, title: text, kind }));
    } catch (failure) {
      setError((failure as Error).message);
      setSaving(false);
    }
  };

  return (
    <Modal
      title="Add as event"
      titleId={ids.heading}
      onCancel={onClose}
      onSubmit={() => void save()}
      className="event-edit-dialog event-add-dialog"
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            Add to the timeline
          </button>
        </>
      }
    >
      <p className="muted">From {annotation.documentTitle}; the passage becomes the event's source.</p>
      <blockquote className="event-add-quote">{quote}</blockquote>
      <label htmlFor={ids.title}>Title</label>
      <input
        id={ids.title}
        type="text"
        value={title}
        maxLength={200}
        onChange={(e) => {
          setTitle(e.target.value);
          setError(undefined);
        }}
      />
      <DateFields
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          setError(undefined);
        }}
      />
      <label htmlFor={ids.kind}>Kind</label>
      <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as EventKind)}>
        {(Object.keys(kindLabels) as EventKind[]).map((value) => (
          <option key={value} value={value}>
            {kindLabels[value]}
          </option>
        ))}
      </select>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Modal>
  );
}
