import { useEffect } from 'react';
import { navigate } from './use-route';
import { routeHref, views } from './routes';
import { isTextEntry } from '../annotations/use-undo-shortcuts';

export function isModifier(event: KeyboardEvent): boolean {
  return event.metaKey || event.ctrlKey;
}

/** App-wide keys: Ctrl/Cmd+K opens the palette, Ctrl/Cmd+1..9 switch views, ? shows the shortcuts. */
export function useGlobalShortcuts(openPalette: () => void, openHelp: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === '?' && !isModifier(event) && !event.altKey && !isTextEntry(event.target) && !document.querySelector('dialog[open], .palette')) {
        event.preventDefault();
        openHelp();
        return;
      }
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
  }, [openPalette, openHelp]);
}
