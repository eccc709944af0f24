import { useEffect } from 'react';
import { navigate } from './use-route';
import { routeHref, views } from './routes';

export function isModifier(event: KeyboardEvent): boolean {
  return event.metaKey || event.ctrlKey;
}

/** App-wide keys: Ctrl/Cmd+K opens the palette, Ctrl/Cmd+1..8 switch views. */
export function useGlobalShortcuts(openPalette: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isModifier(event) || event.altKey) return;
      if (event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openPalette();
        return;
      }
      const view = views.find((item) => item.shortcut === event.key);
      if (view) {
        event.preventDefault();
        navigate(routeHref(view.name));
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openPalette]);
}
