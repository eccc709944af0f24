import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { routeHref, views } from './routes';
import type { ViewName } from './routes';
import './Sidebar.css';

const modifierLabel = navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+';

/** The views of the app. Arrow keys move between them; Ctrl/Cmd+1..8 jump from anywhere. */
export function Sidebar({ current, onOpenPalette }: { current: ViewName; onOpenPalette: () => void }) {
  const list = useRef<HTMLUListElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...(list.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = links[(index + (event.key === 'ArrowDown' ? 1 : -1) + links.length) % links.length];
    next?.focus();
    event.preventDefault();
  };
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          FW
        </span>
        <span>Field Workbench</span>
      </div>
      <button type="button" className="palette-button" onClick={onOpenPalette}>
        <span>Go to anything…</span>
        <kbd>{modifierLabel}K</kbd>
      </button>
      <ul ref={list} onKeyDown={onKeyDown}>
        {views.map((view) => (
          <li key={view.name}>
            <a href={routeHref(view.name)} aria-current={current === view.name ? 'page' : undefined} title={`${view.description} (${modifierLabel}${view.shortcut})`}>
              <span>{view.label}</span>
              <kbd>
                {modifierLabel}
                {view.shortcut}
              </kbd>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
