import { useId, useState } from 'react';
import type { DocumentSummary } from '../../../electron/core/api/methods/corpus';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { Modal } from '../components/Modal';
import './RemoveDocumentDialog.css';

/** Removes an imported document after asking what becomes of the annotations made on it. */
export function RemoveDocumentDialog({ document, onClose }: { document: DocumentSummary; onClose: () => void }) {
  const annotationCount = useApi('annotations.list', { docId: document.id }, { select: (annotations) => annotations.length }).value;
  const [choice, setChoice] = useState<'keep-as-orphans' | 'delete'>('keep-as-orphans');
  const [error, setError] = useState<string | undefined>();
  const [removing, setRemoving] = useState(false);
  const heading = useId();


  const remove = async () => {
    setRemoving(true);
    try {
      await api.invoke('import.remove', { docId: document.id, annotations: choice });
      onClose();
    } catch (failure) {
      setError((failure as Error).message);
      setRemoving(false);
    }
  };

  return (
    <Modal
      title={`Remove “${document.title}”?`}
      titleId={heading}
      onCancel={onClose}
      className="remove-dialog"
      actions={
        <>
          <button type="button" onClick={onClose} autoFocus>
            Cancel
          </button>
          <button type="button" className="danger-solid" onClick={() => void remove()} disabled={removing}>
            Remove document
          </button>
        </>
      }
    >
      <p>The document and its copy of {document.source} leave this workspace. The file on your disk is not touched.</p>
      <fieldset className="remove-choice">
        <legend>
          {annotationCount === undefined ? 'Its annotations' : annotationCount === 1 ? 'Its 1 annotation' : annotationCount === 0 ? 'Its annotations (none so far)' : `Its ${annotationCount} annotations`}
        </legend>
        <label>
          <input type="radio" name="annotations" checked={choice === 'keep-as-orphans'} onChange={() => setChoice('keep-as-orphans')} />
          Keep as orphans: still listed with their quotes and notes, without the document
        </label>
        <label>
          <input type="radio" name="annotations" checked={choice === 'delete'} onChange={() => setChoice('delete')} />
          Delete
        </label>
      </fieldset>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Modal>
  );
}
