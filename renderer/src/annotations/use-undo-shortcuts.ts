import { useEffect } from 'react';
import { api } from '../api/client';

/** True where the key belongs to the field itself: text inputs undo their own typing. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(target.type);
}

function onKeyDown(event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented || isTextEntry(event.target)) return;
  const key = event.key.toLowerCase();
  const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
  const undo = key === 'z' && !event.shiftKey;
  if (!undo && !redo) return;
  event.preventDefault();
  void api.invoke(redo ? 'undo.redo' : 'undo.undo', {}).catch(() => undefined);
}

// However many components ask for the shortcuts, one listener answers each key press.
let users = 0;

/**
 * Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes the last coding edit, outside
 * text fields. Views that show annotations mount it; the listener lives while any does.
 */
export function useUndoShortcuts(): void {
  useEffect(() => {
    if (users++ === 0) window.addEventListener('keydown', onKeyDown);
    return () => {
      if (--users === 0) window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
