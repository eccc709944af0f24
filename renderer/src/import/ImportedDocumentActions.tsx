import { useState } from 'react';
import type { DocumentSummary } from '../../../electron/core/api/methods/corpus';
import { EditDetailsButton } from '../metadata/EditDetailsButton';
import { RemoveDocumentDialog } from './RemoveDocumentDialog';
import './ImportedDocumentActions.css';

/** What a Library card offers for an imported document: a note when it has no text, edit, remove. */
export function ImportedDocumentActions({ document }: { document: DocumentSummary }) {
  const [removing, setRemoving] = useState(false);
  const withoutText = document.origin === 'imported-pdf' && document.passageCount === 0;
  return (
    <>
      {withoutText ? (
        <p className="no-text-layer" role="note">
          No text layer: this PDF looks like a scan without OCR. It can be read, but not searched, annotated or cited.
        </p>
      ) : null}
      <div className="imported-actions document-actions">
        <EditDetailsButton document={document} />
        <button type="button" className="danger" onClick={() => setRemoving(true)}>
          Remove…
        </button>
      </div>
      {removing ? <RemoveDocumentDialog document={document} onClose={() => setRemoving(false)} /> : null}
    </>
  );
}
