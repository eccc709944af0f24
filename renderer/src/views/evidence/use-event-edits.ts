import type { ArgsOf } from '../../../../electron/core/api/contract';
import type { EventEditView, RemovedEvent } from '../../../../electron/core/evidence/index';
import { api } from '../../api/client';

export type EventEditRequest = ArgsOf<'evidence.editEvents'>['edit'];

/**
 * Corrections go through core, where each is a command on the app's one undo stack: Ctrl/Cmd+Z
 * and Shift+Ctrl/Cmd+Z (the app's shortcuts, `use-undo-shortcuts.ts`) undo and redo them in one
 * order with every other edit. The timeline refetches on `evidence.changed`.
 */
export function saveEventEdit(edit: EventEditRequest): Promise<EventEditView> {
  return api.invoke('evidence.editEvents', { edit });
}

/** Takes one correction back from the history (itself undoable). */
export function undoEventEdit(editId: string): Promise<void> {
  return api.invoke('evidence.undoEventEdit', { editId });
}

/** A person's own event is deleted, an extracted one hidden (listed under "Hidden", shown again from there). */
export function removeEvent(eventId: string): Promise<RemovedEvent> {
  return api.invoke('evidence.removeEvent', { eventId });
}
