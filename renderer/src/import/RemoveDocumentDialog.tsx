import { useEffect, useId, useState } from 'react';
import type { DocumentSummary } from '../../../electron/core/api/methods/corpus';
import { api } from '../api/client';
import { ModalDialog } from './ModalDialog';

/** Removes an imported document after asking what becomes of the annotations made on it. */
export function RemoveDocumentDialog({ document, onClose }: { document: DocumentSummary; onClose: () => void }) {
  const [annotationCount, setAnnotationCount] = useState<number | undefined>();
  const [choice, setChoice] = useState<'keep-as-orphans' | 'delete'>('keep-as-orphans');
  const [error, setError] = useState<string | undefined>();
  const [removing, setRemoving] = useState(false);
  const heading = useId();

  useEffect(() => {
    api.invoke('annotations.list', { docId: document.id }).then(
      (annotations) => setAnnotationCount(annotations.length),
      () => setAnnotationCount(undefined),
    );
  }, [document.id]);

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
    <ModalDialog labelledBy={heading} onCancel={onClose} className="remove-dialog">
      <h2 id={heading}>Remove “{document.title}”?</h2>
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
        <p className="import-dialog-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="import-dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger-solid" onClick={() => void remove()} disabled={removing}>
          Remove document
        </button>
      </div>
    </ModalDialog>
  );
}
