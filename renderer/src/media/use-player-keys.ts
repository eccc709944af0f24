import { useEffect, useRef } from 'react';
import { isModifier } from '../app/use-shortcuts';
import { SKIP_SECONDS, type MediaPlayer } from './use-media-player';

function typingInto(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/**
 * The player's keys while a recording is open. Ctrl/Cmd+Space plays and pauses even while
 * typing a note (it types nothing), as transcription tools let you; Ctrl/Cmd+← and → skip
 * 5 s, < and > slow down and speed up, outside text fields (where they move the caret or
 * type). None of them is taken by the reader (j, k, e, a, Page Up/Down, Ctrl+F).
 */
export function usePlayerKeys(player: MediaPlayer | undefined): void {
  const latest = useRef(player);
  latest.current = player;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const current = latest.current;
      if (!current || event.defaultPrevented) return;
      if (isModifier(event) && !event.altKey && !event.shiftKey && (event.code === 'Space' || event.key === ' ')) {
        event.preventDefault();
        current.toggle();
        return;
      }
      if (typingInto(event.target) || document.querySelector('dialog[open], .palette')) return;
      if (isModifier(event) && !event.altKey && !event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
        event.preventDefault();
        current.skip(event.key === 'ArrowLeft' ? -SKIP_SECONDS : SKIP_SECONDS);
      } else if (!isModifier(event) && !event.altKey && (event.key === '<' || event.key === '>')) {
        event.preventDefault();
        current.stepRate(event.key === '<' ? -1 : 1);
      }
    };
    // A focused button activates on Space's keyup: Ctrl+Space must not also press it.
    const onKeyUp = (event: KeyboardEvent) => {
      if (latest.current && isModifier(event) && (event.code === 'Space' || event.key === ' ')) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);
}
