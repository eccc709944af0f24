import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import type { AnchorBox } from '../components/floating-place';
import { isModifier } from '../app/use-shortcuts';
import { AnnotationEditor } from './AnnotationEditor';
import type { AnnotationTarget } from './selection-target';
import { isTextEntry } from './use-undo-shortcuts';

/** Turns the current selection inside the container into a target, or says it is not one. */
export type SelectionResolver = (selection: Selection) => AnnotationTarget | undefined;

/** A place selections are made in: the text view, the PDF's text layer. */
export interface SelectionSource {
  container: RefObject<HTMLElement | null>;
  resolve: SelectionResolver;
}

/** What to annotate when the keyboard asks and nothing is selected (the passage the reader is on). */
export type FallbackTarget = () => { target: AnnotationTarget; anchor: AnchorBox } | undefined;

interface Pending {
  target: AnnotationTarget;
  anchor: AnchorBox;
}

function sameTarget(a: AnnotationTarget, b: AnnotationTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True for the keys that annotate: `a` on its own, or Ctrl/Cmd+Shift+A from anywhere. */
export function isAnnotateKey(event: KeyboardEvent): boolean {
  if (event.key.toLowerCase() !== 'a' || event.altKey) return false;
  if (isModifier(event)) return event.shiftKey;
  return !event.shiftKey && !isTextEntry(event.target);
}

/**
 * Watches selections in the sources and floats the annotation popup beside them. The
 * popup opens when a selection ends (mouse or keyboard), or on `a` / Ctrl+Shift+A for the
 * current selection, or, with nothing selected, for the fallback (the current passage).
 */
export function SelectionAnnotator({ sources, fallback, onSaved }: { sources: readonly SelectionSource[]; fallback?: FallbackTarget; onSaved?: (annotation: AnnotationView) => void }) {
  const [pending, setPending] = useState<Pending>();
  const latest = useRef({ sources, fallback });
  latest.current = { sources, fallback };

  useEffect(() => {
    /** The current selection as a target, if it lies in one of the sources. */
    const fromSelection = (): Pending | undefined => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
      const range = selection.getRangeAt(0);
      // Looked up at each event: the reader may draw its panes (the PDF column) after this mounted.
      const source = latest.current.sources.find(({ container }) => container.current?.contains(range.commonAncestorContainer));
      const target = source?.resolve(selection);
      if (!target) return undefined;
      const box = range.getBoundingClientRect();
      return { target, anchor: { top: box.top, bottom: box.bottom, left: box.left } };
    };
    const open = (next: Pending | undefined) => {
      if (next) setPending((current) => (current && sameTarget(current.target, next.target) ? current : next));
      return Boolean(next);
    };
    const onSelectionEnd = (event: Event) => {
      if (event.target instanceof Element && event.target.closest('.annotation-editor')) return;
      open(fromSelection());
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isAnnotateKey(event) || event.defaultPrevented || document.querySelector('dialog[open], .palette')) return;
      if (event.target instanceof Element && event.target.closest('.annotation-editor')) return;
      if (open(fromSelection() ?? latest.current.fallback?.())) event.preventDefault();
    };
    document.addEventListener('mouseup', onSelectionEnd);
    document.addEventListener('keyup', onSelectionEnd);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('mouseup', onSelectionEnd);
      document.removeEventListener('keyup', onSelectionEnd);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  if (!pending) return null;
  return (
    <AnnotationEditor
      key={JSON.stringify(pending.target)}
      target={pending.target}
      anchor={pending.anchor}
      onClose={() => setPending(undefined)}
      onSaved={(annotation) => {
        window.getSelection()?.removeAllRanges();
        onSaved?.(annotation);
      }}
    />
  );
}
