import { useEffect, useRef, useState } from 'react';
import { prepareImport } from './prepare-import';
import './DropOverlay.css';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * Files dragged over the window show where they will go; dropped anywhere, they are
 * imported (exchange bundles are merged). Other drags (text being moved in an editor) are left alone.
 */
export function DropOverlay({ onDrop }: { onDrop: (files: File[]) => void }) {
  const [visible, setVisible] = useState(false);
  // dragenter/dragleave fire for every child element crossed; count them to know when the drag left the window.
  const depth = useRef(0);

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      // A drag into the window (not across its children) is an import on its way.
      if (depth.current === 0) prepareImport();
      depth.current += 1;
      setVisible(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the file instead of handing it to us.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setVisible(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setVisible(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) onDrop(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop]);

  if (!visible) return null;
  return (
    <div className="drop-overlay" role="status" aria-live="polite">
      <div className="drop-overlay-card">
        <p className="drop-overlay-title">Drop to import</p>
        <p className="drop-overlay-hint">PDFs, transcripts (.txt, .md, .docx) and photos of pages join your library; scans are read by OCR. REFI-QDA projects (.qdpx) and codebooks (.qdc) bring their sources, codes and coding; W3C and Hypothesis annotations (.jsonld, .json) anchor by their quotes; references from Zotero (.bib, .ris, CSL JSON) join the reference library; a colleague’s exchange bundle (.fwx) is merged. Nothing leaves this computer.</p>
      </div>
    </div>
  );
}
