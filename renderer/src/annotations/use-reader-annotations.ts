import { useCallback, useMemo } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import type { Passage } from '../../../electron/core/corpus/schema';
import { useApi } from '../api/use-api';
import { highlightsByPassage, type HighlightRange } from './highlight-pieces';
import type { SelectionResolver } from './SelectionAnnotator';
import { pdfSelectionTarget, structuredSelectionTarget } from './selection-target';
import { useUndoShortcuts } from './use-undo-shortcuts';
import { usePreferences } from '../api/use-preferences';

const none: ReadonlyMap<string, HighlightRange[]> = new Map();

/**
 * Everything the reader needs to show and make annotations for one paper: its annotations
 * (kept fresh), their highlights per passage, and how selections in the text view and in
 * the PDF text layer map to passages.
 */
export function useReaderAnnotations(docId: string, passages: readonly Passage[]) {
  const query = useApi('annotations.list', { docId });
  const coloring = usePreferences().highlightColoring;
  useUndoShortcuts();
  const annotations: AnnotationView[] = useMemo(() => query.value ?? [], [query.value]);
  const highlights = useMemo(() => (annotations.length > 0 ? highlightsByPassage(annotations, coloring) : none), [annotations, coloring]);

  const resolveText: SelectionResolver = useCallback((selection) => structuredSelectionTarget(selection, passages as Passage[]), [passages]);
  const resolvePdf: SelectionResolver = useCallback(
    (selection) => {
      const anchor = selection.anchorNode instanceof Element ? selection.anchorNode : selection.anchorNode?.parentElement;
      const page = Number(anchor?.closest<HTMLElement>('.pdf-page')?.dataset.page);
      return Number.isInteger(page) && page > 0 ? pdfSelectionTarget(selection.toString(), page, passages) : undefined;
    },
    [passages],
  );
  return { annotations, highlights, coloring, resolveText, resolvePdf };
}
