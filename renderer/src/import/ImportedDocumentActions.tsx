import { useState } from 'react';
import type { DocumentSummary } from '../../../electron/core/api/methods/corpus';
import { AnonymiseDialog } from '../interviews/AnonymiseDialog';
import { EditDetailsButton } from '../metadata/EditDetailsButton';
import { RemoveDocumentDialog } from './RemoveDocumentDialog';
import './ImportedDocumentActions.css';

/** What a Library card offers for an imported document: a note when it has no text, edit, anonymise (text that can be rewritten), remove. */
export function ImportedDocumentActions({ document }: { document: DocumentSummary }) {
  const [removing, setRemoving] = useState(false);
  const [anonymising, setAnonymising] = useState(false);
  // A PDF's or a photo's pages show the names as pictures: only text can lose them.
  const rewritable = document.origin !== 'imported-pdf' && document.origin !== 'imported-photo' && document.passageCount > 0;
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
        {rewritable ? (
          <button type="button" onClick={() => setAnonymising(true)}>
            Anonymise…
          </button>
        ) : null}
        <button type="button" className="danger" onClick={() => setRemoving(true)}>
          Remove…
        </button>
      </div>
      {anonymising ? <AnonymiseDialog document={document} onClose={() => setAnonymising(false)} /> : null}
      {removing ? <RemoveDocumentDialog document={document} onClose={() => setRemoving(false)} /> : null}
    </>
  );
}
