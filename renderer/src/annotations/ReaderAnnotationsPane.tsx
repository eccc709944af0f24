import { useState } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import { AnnotationsSidebar } from './AnnotationsSidebar';
import { narrowWindow, useMediaQuery } from '../components/use-media-query';
import './ReaderAnnotationsPane.css';

/** Marks the annotation's highlight in the text view once the reader has scrolled to its passage. */
function focusHighlight(annotationId: string): void {
  window.requestAnimationFrame(() => {
    for (const mark of document.querySelectorAll('mark.annotation-highlight.is-focused')) mark.classList.remove('is-focused');
    const marks = document.querySelectorAll<HTMLElement>(`mark.annotation-highlight[data-annotation-ids~="${CSS.escape(annotationId)}"]`);
    marks.forEach((mark) => mark.classList.add('is-focused'));
    marks[0]?.scrollIntoView({ block: 'center' });
  });
}

/**
 * The annotations sidebar as a pane of the reader. Until the reader folds or unfolds it,
 * it is open when the paper has annotations and folded into a small button when it has
 * none, so a paper nobody annotated keeps all its room. In a narrow window it opens over
 * the text instead of beside it, and starts folded. `onOpen` asks the reader to show the
 * annotation's passage.
 */
export function ReaderAnnotationsPane({ docId, count, onOpen }: { docId: string; count: number; onOpen: (passageId: string) => void }) {
  const [chosen, setOpen] = useState<boolean>();
  const narrow = useMediaQuery(narrowWindow);
  const open = chosen ?? (count > 0 && !narrow);
  const show = (annotation: AnnotationView) => {
    const passageId = annotation.target.passageIds[0];
    if (passageId && annotation.anchorStatus !== 'orphan') onOpen(passageId);
    focusHighlight(annotation.id);
  };
  if (!open) {
    return (
      <div className="reader-pane annotations-pane is-folded">
        <button type="button" className="annotations-pane-toggle" aria-expanded="false" onClick={() => setOpen(true)}>
          Annotations{count > 0 ? ` (${count})` : ''}
        </button>
      </div>
    );
  }
  return (
    <div className="reader-pane annotations-pane">
      <button type="button" className="annotations-pane-toggle link-button" aria-expanded="true" onClick={() => setOpen(false)}>
        Hide annotations
      </button>
      <AnnotationsSidebar docId={docId} onOpen={show} />
    </div>
  );
}
