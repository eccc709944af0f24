import { useState } from 'react';
import type { DocumentSummary } from '../../../electron/core/api/methods/corpus';
import { EditMetadataDialog } from './EditMetadataDialog';
import { RemoveDocumentDialog } from './RemoveDocumentDialog';
import './ImportedDocumentActions.css';

/** What a Library card offers for an imported document: a note when it has no text, edit, remove. */
export function ImportedDocumentActions({ document }: { document: DocumentSummary }) {
  const [open, setOpen] = useState<'edit' | 'remove' | undefined>();
  const withoutText = document.origin === 'imported-pdf' && document.passageCount === 0;
  return (
    <>
      {withoutText ? (
        <p className="no-text-layer" role="note">
          No text layer: this PDF looks like a scan without OCR. It can be read, but not searched, annotated or cited.
        </p>
      ) : null}
      <div className="imported-actions">
        <button type="button" onClick={() => setOpen('edit')}>
          Edit details
        </button>
        <button type="button" className="danger" onClick={() => setOpen('remove')}>
          Remove…
        </button>
      </div>
      {open === 'edit' ? <EditMetadataDialog document={document} onClose={() => setOpen(undefined)} /> : null}
      {open === 'remove' ? <RemoveDocumentDialog document={document} onClose={() => setOpen(undefined)} /> : null}
    </>
  );
}
