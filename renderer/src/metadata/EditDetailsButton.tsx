import { useState } from 'react';
import type { DocumentSummary } from '../../../electron/core/api/methods/corpus';
import { DocumentDetailsDialog } from './DocumentDetailsDialog';

/** A Library card's "Edit details": the dialog of every metadata field, bundled paper or import alike. */
export function EditDetailsButton({ document }: { document: DocumentSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Edit details
      </button>
      {open ? <DocumentDetailsDialog document={document} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
