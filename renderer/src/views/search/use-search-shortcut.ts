import { useEffect } from 'react';
import { isModifier } from '../../app/use-shortcuts';
import { navigate } from '../../app/use-route';
import { routeHref } from '../../app/routes';

export const SEARCH_INPUT_ID = 'search-everything-input';

/**
 * Ctrl/Cmd+Shift+F from anywhere: to the Search view with its box focused and selected, so
 * typing replaces the last query. Installed by a component that is always mounted.
 */
export function useSearchShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isModifier(event) || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 'f') return;
      event.preventDefault();
      // Views with their own Ctrl/Cmd+F (the reader's find) must not also act on it.
      event.stopImmediatePropagation();
      const input = document.getElementById(SEARCH_INPUT_ID);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      } else {
        // The Search view focuses its box when it mounts.
        navigate(routeHref('search'));
      }
    };
    // Capture, so this runs before the views' own key handlers on window.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
