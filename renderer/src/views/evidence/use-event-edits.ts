import { useEffect } from 'react';
import type { ArgsOf } from '../../../../electron/core/api/contract';
import type { EventEditView } from '../../../../electron/core/evidence/index';
import { api } from '../../api/client';
import { isTextEntry } from '../../annotations/use-undo-shortcuts';

export type EventEditRequest = ArgsOf<'evidence.editEvents'>['edit'];

/**
 * The corrections made in this window, newest last: what Ctrl/Cmd+Z takes back on the
 * timeline. Kept for the session (switching tabs does not forget them).
 */
const madeHere: string[] = [];

/** Keeps a correction as a record through core; the timeline refetches on `evidence.changed`. */
export async function saveEventEdit(edit: EventEditRequest): Promise<EventEditView> {
  const made = await api.invoke('evidence.editEvents', { edit });
  madeHere.push(made.id);
  return made;
}

export async function undoEventEdit(editId: string): Promise<void> {
  await api.invoke('evidence.undoEventEdit', { editId });
  const at = madeHere.lastIndexOf(editId);
  if (at >= 0) madeHere.splice(at, 1);
}

/** Takes back the last correction made here; false when there is none. */
export async function undoLastEventEdit(): Promise<EventEditView | undefined> {
  const editId = madeHere.at(-1);
  if (!editId) return undefined;
  const edits = await api.invoke('evidence.eventEdits', {});
  const edit = edits.find((view) => view.id === editId);
  madeHere.pop();
  if (!edit) return undefined;
  await api.invoke('evidence.undoEventEdit', { editId });
  return edit;
}

/** True when Ctrl/Cmd+Z on the timeline would take back a correction made here. */
export function hasEventEditToUndo(): boolean {
  return madeHere.length > 0;
}

/**
 * Ctrl/Cmd+Z on the timeline takes back the last correction of the events made here, before
 * the app's own shortcut (which undoes coding edits) sees the key; with none made here, the
 * key goes on to the app's. Text fields keep their own undo.
 */
export function useEventUndoShortcut(onUndone: (edit: EventEditView | undefined, error?: string) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.defaultPrevented || isTextEntry(event.target)) return;
      if (event.key.toLowerCase() !== 'z' || !hasEventEditToUndo()) return;
      // A dialog open over the timeline keeps its keys.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      undoLastEventEdit().then(
        (edit) => onUndone(edit),
        (failure: Error) => onUndone(undefined, failure.message),
      );
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [onUndone]);
}
