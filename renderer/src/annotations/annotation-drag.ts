import type { DragEvent } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';

/** The drag payload of an annotation: JSON `{annotationId}`. Drafts quote it where it is dropped. */
export const annotationDragType = 'application/x-workbench-annotation';

export function startAnnotationDrag(event: DragEvent<HTMLElement>, annotation: AnnotationView): void {
  event.dataTransfer.setData(annotationDragType, JSON.stringify({ annotationId: annotation.id }));
  // Anywhere else (another app, a text field) the quote itself is what is dropped.
  event.dataTransfer.setData('text/plain', annotation.target.selectors.quote.exact);
  event.dataTransfer.effectAllowed = 'copy';
}
