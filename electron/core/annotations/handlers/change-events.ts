import type { UndoState } from '../methods';
import type { CoreContext } from '../../core-context';
import type { RecordChange, RecordSet } from '../../store';
import type { Topic } from '../../topics';
import type { UndoStack } from '../../undo/undo-stack';
import type { Annotation } from '../annotation-schema';

export function undoStateOf(undo: UndoStack): UndoState {
  return {
    canUndo: undo.canUndo,
    canRedo: undo.canRedo,
    ...(undo.nextUndoLabel ? { undoLabel: undo.nextUndoLabel } : {}),
    ...(undo.nextRedoLabel ? { redoLabel: undo.nextRedoLabel } : {}),
  };
}

/**
 * Tells open views what changed, from the store's own notifications: edits made here, undo
 * and redo, and changes written by another process (the CLI while the app runs) alike. One
 * event per turn of the event loop, sent after the undo stack has recorded the command, so
 * the undo state it carries is current.
 */
export function publishAnnotationChanges(
  context: Pick<CoreContext, 'publish'>,
  collections: { annotations: RecordSet<Annotation>; topics: RecordSet<Topic> },
  undo: UndoStack,
): () => void {
  let docIds = new Set<string>();
  let topicsChanged = false;
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const event = { docIds: [...docIds].sort(), topicsChanged, undo: undoStateOf(undo) };
      docIds = new Set();
      topicsChanged = false;
      context.publish('annotations.changed', event);
    });
  };
  const offAnnotations = collections.annotations.subscribe((changes: Array<RecordChange<Annotation>>) => {
    for (const change of changes) {
      if (change.before) docIds.add(change.before.docId);
      if (change.after) docIds.add(change.after.docId);
    }
    schedule();
  });
  const offTopics = collections.topics.subscribe(() => {
    topicsChanged = true;
    schedule();
  });
  return () => {
    offAnnotations();
    offTopics();
  };
}
