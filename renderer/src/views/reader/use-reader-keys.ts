import { useEffect, useRef } from 'react';
import { isModifier } from '../../app/use-shortcuts';

export interface ReaderKeys {
  nextPassage: () => void;
  previousPassage: () => void;
  pageDown: () => void;
  pageUp: () => void;
  find: () => void;
  /** E: to the entity names of the current passage. */
  entities: () => void;
}

function typingInto(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/**
 * The reader's keys: j/k or Alt+Down/Up for the next and previous passage, Page Down/Up,
 * e for the entity names of the passage, and Ctrl/Cmd+F for find (instead of the
 * browser's). Ctrl/Cmd+K stays the app's palette.
 */
export function useReaderKeys(keys: ReaderKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isModifier(event) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        latest.current.find();
        return;
      }
      if (typingInto(event.target) || document.querySelector('dialog[open], .palette')) return;
      if (isModifier(event)) return;
      const plain = !event.altKey && !event.shiftKey;
      if ((plain && event.key === 'j') || (event.altKey && event.key === 'ArrowDown')) {
        event.preventDefault();
        latest.current.nextPassage();
      } else if ((plain && event.key === 'k') || (event.altKey && event.key === 'ArrowUp')) {
        event.preventDefault();
        latest.current.previousPassage();
      } else if (plain && event.key === 'e' && !(event.target as HTMLElement | null)?.closest?.('.mention')) {
        event.preventDefault();
        latest.current.entities();
      } else if (event.key === 'PageDown') {
        event.preventDefault();
        latest.current.pageDown();
      } else if (event.key === 'PageUp') {
        event.preventDefault();
        latest.current.pageUp();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
