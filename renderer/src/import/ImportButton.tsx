import { useImport } from './ImportProvider';
import './ImportButton.css';

/** The Library's way in: the system file dialog, or the browser's file chooser. */
export function ImportButton() {
  const { chooseFiles } = useImport();
  return (
    <div className="import-button-row">
      <button type="button" className="primary import-button" onClick={chooseFiles}>
        Import…
      </button>
      <span className="muted import-button-hint">PDF, .txt, .md, .docx, photos of pages, recordings with their transcript (choose or drop both: interview.ogg + interview.vtt), a REFI-QDA project (.qdpx, .qdc), W3C / Hypothesis annotations (.jsonld, .json), or references from Zotero (.bib, .ris, CSL JSON); or drop files anywhere on the window</span>
    </div>
  );
}
