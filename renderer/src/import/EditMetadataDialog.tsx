import { useId, useState } from 'react';
import type { DocumentSummary } from '../../../electron/core/api/methods/corpus';
import { api } from '../api/client';
import { Modal } from '../components/Modal';
import './EditMetadataDialog.css';

/** Corrects what the import guessed: title, authors (one per line), year, publisher. */
export function EditMetadataDialog({ document, onClose }: { document: DocumentSummary; onClose: () => void }) {
  const [title, setTitle] = useState(document.title);
  const [authors, setAuthors] = useState(document.authors.join('\n'));
  const [year, setYear] = useState(document.year === undefined ? '' : String(document.year));
  const [publisher, setPublisher] = useState(document.publishers[0] ?? '');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const ids = { title: useId(), heading: useId(), authors: useId(), year: useId(), publisher: useId() };

  // An old complaint goes as soon as the field it was about is being changed.
  const edit = (setter: (value: string) => void, value: string) => {
    setter(value);
    setError(undefined);
  };

  const save = async () => {
    const yearText = year.trim();
    if (yearText && !/^\d{4}$/.test(yearText)) return setError('The year must be four digits, such as 2009, or empty.');
    if (!title.trim()) return setError('The title cannot be empty.');
    setSaving(true);
    setError(undefined);
    try {
      await api.invoke('import.updateMetadata', {
        docId: document.id,
        title: title.trim(),
        authors: authors.split('\n').map((name) => name.trim()).filter(Boolean),
        year: yearText ? Number(yearText) : null,
        publisher: publisher.trim() || null,
      });
      onClose();
    } catch (failure) {
      setError((failure as Error).message);
      setSaving(false);
    }
  };

  return (
    <Modal
      title="Document details"
      titleId={ids.heading}
      onCancel={onClose}
      className="metadata-dialog"
      onSubmit={() => void save()}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            Save
          </button>
        </>
      }
    >
      <p className="muted">Imported from {document.source}. Correct what the import could not tell; citations use these details.</p>
      <label htmlFor={ids.title}>Title</label>
      <input id={ids.title} type="text" value={title} onChange={(event) => edit(setTitle, event.target.value)} autoFocus />
      <label htmlFor={ids.authors}>Authors, one per line</label>
      <textarea id={ids.authors} rows={3} value={authors} onChange={(event) => edit(setAuthors, event.target.value)} />
      <div className="metadata-row">
        <div>
          <label htmlFor={ids.year}>Year</label>
          <input id={ids.year} type="text" inputMode="numeric" value={year} onChange={(event) => edit(setYear, event.target.value)} placeholder="e.g. 2009" />
        </div>
        <div>
          <label htmlFor={ids.publisher}>Publisher</label>
          <input id={ids.publisher} type="text" value={publisher} onChange={(event) => edit(setPublisher, event.target.value)} />
        </div>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Modal>
  );
}
