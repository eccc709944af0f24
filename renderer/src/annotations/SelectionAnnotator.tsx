import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import { AnnotationEditor } from './AnnotationEditor';
import type { AnnotationTarget } from './selection-target';

/** Turns the current selection inside the container into a target, or says it is not one. */
export type SelectionResolver = (selection: Selection) => AnnotationTarget | undefined;

const popupWidth = 340;

function sameTarget(a: AnnotationTarget, b: AnnotationTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Watches selections inside `container` and floats the annotation popup beside them.
 * The reader supplies how a selection maps to passages (text view or PDF text layer).
 */
export function SelectionAnnotator({ container, resolve, onSaved }: { container: RefObject<HTMLElement | null>; resolve: SelectionResolver; onSaved?: (annotation: AnnotationView) => void }) {
  const [pending, setPending] = useState<{ target: AnnotationTarget; top: number; left: number }>();

  useEffect(() => {
    // Listens on the document and looks the container up at each event: the reader may
    // draw its panes (the PDF column, for one) after this component mounted.
    const onSelectionEnd = (event: Event) => {
      const root = container.current;
      if (!root || (event.target instanceof Element && event.target.closest('.annotation-editor'))) return;
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) return;
      const target = resolve(selection);
      if (!target) return;
      const box = range.getBoundingClientRect();
      const left = Math.max(8, Math.min(window.innerWidth - popupWidth - 8, box.left));
      // Below the selection when there is room, above it otherwise.
      const below = box.bottom + 8;
      const top = below + 360 < window.innerHeight ? below : Math.max(8, box.top - 368);
      setPending((current) => (current && sameTarget(current.target, target) ? current : { target, top, left }));
    };
    document.addEventListener('mouseup', onSelectionEnd);
    document.addEventListener('keyup', onSelectionEnd);
    return () => {
      document.removeEventListener('mouseup', onSelectionEnd);
      document.removeEventListener('keyup', onSelectionEnd);
    };
  }, [container, resolve]);

  if (!pending) return null;
  return (
    <AnnotationEditor
      key={JSON.stringify(pending.target)}
      target={pending.target}
      position={{ top: pending.top, left: pending.left }}
      onClose={() => setPending(undefined)}
      onSaved={(annotation) => {
        window.getSelection()?.removeAllRanges();
        onSaved?.(annotation);
      }}
    />
  );
}
