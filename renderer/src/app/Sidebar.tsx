import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { BookOpen, Command, Highlighter, Keyboard, Library, Lightbulb, Network, PenLine, Search, Tags, Users, UsersRound } from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import { routeHref, views } from './routes';
import type { ViewName } from './routes';
import { modifierKey } from './shortcut-list';
import './Sidebar.css';

const icons: Record<ViewName, LucideIcon> = {
  library: Library,
  reader: BookOpen,
  entities: Users,
  recommendations: Lightbulb,
  topics: Tags,
  drafts: PenLine,
  search: Search,
  evidence: Network,
  annotations: Highlighter,
  team: UsersRound,
};

/**
 * The views of the app. Arrow keys move between them; Ctrl/Cmd+1..9 jump from anywhere.
 * In a narrow window it folds to icons: each keeps its name for screen readers and shows
 * it beside the icon on hover and on focus.
 */
export function Sidebar({ current, onOpenPalette, onOpenHelp }: { current: ViewName; onOpenPalette: () => void; onOpenHelp: () => void }) {
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
        <span className="sidebar-label brand-name">Field Workbench</span>
      </div>
      <button type="button" className="palette-button" onClick={onOpenPalette} aria-keyshortcuts="Control+K Meta+K">
        <Command className="sidebar-icon" aria-hidden="true" />
        <span className="sidebar-label">Go to anything…</span>
        <kbd className="sidebar-kbd">{modifierKey}+K</kbd>
      </button>
      <ul ref={list} onKeyDown={onKeyDown}>
        {views.map((view) => {
          const Icon = icons[view.name];
          return (
            <li key={view.name}>
              <a href={routeHref(view.name)} aria-current={current === view.name ? 'page' : undefined} title={`${view.description} (${modifierKey}+${view.shortcut})`}>
                <Icon className="sidebar-icon" aria-hidden="true" />
                <span className="sidebar-label">{view.label}</span>
                <kbd className="sidebar-kbd">
                  {modifierKey}+{view.shortcut}
                </kbd>
              </a>
            </li>
          );
        })}
      </ul>
      <button type="button" className="help-button" onClick={onOpenHelp} title="Keyboard shortcuts (?)" aria-keyshortcuts="?">
        <Keyboard className="sidebar-icon" aria-hidden="true" />
        <span className="sidebar-label">Keyboard shortcuts</span>
      </button>
    </nav>
  );
}
