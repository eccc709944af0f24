import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { routeHref } from '../../app/routes';
import type { Route } from '../../app/routes';
import { navigate } from '../../app/use-route';
import { FiguresTab, initialFigureFilters } from './FiguresTab';
import { NetworkTab, initialNetworkFilters } from './NetworkTab';
import { TimelineTab, initialTimelineFilters } from './TimelineTab';
import './evidence.css';

const tabs = [
  { name: 'timeline', label: 'Timeline', description: 'Dated events merged across the papers' },
  { name: 'figures', label: 'Figures', description: 'The same measures side by side' },
  { name: 'network', label: 'Network', description: 'Entities named together' },
] as const;

type TabName = (typeof tabs)[number]['name'];

/**
 * The evidence the papers hold, three ways: when things happened and who says so, where their
 * figures disagree, and which actors they name together. One sidebar entry, one tab each
 * (`#/evidence/timeline`, `/figures`, `/network`); each tab keeps its filters while you switch.
 */
export function EvidenceView({ route }: { route: Route }) {
  const current: TabName = tabs.find((t) => t.name === route.params[0])?.name ?? 'timeline';
  const [timeline, setTimeline] = useState(initialTimelineFilters);
  const [figures, setFigures] = useState(initialFigureFilters);
  const [network, setNetwork] = useState(initialNetworkFilters);

  // Arrow keys move between tabs, as in any tab list.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = tabs.findIndex((t) => t.name === current);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    navigate(routeHref('evidence', [next.name]));
    requestAnimationFrame(() => document.getElementById(`evidence-tab-${next.name}`)?.focus());
    event.preventDefault();
  };

  return (
    <section className="view evidence-view" aria-labelledby="evidence-title" data-tab={current}>
      <header className="view-header">
        <h1 id="evidence-title">Evidence</h1>
        <div className="evidence-tabs" role="tablist" aria-label="Evidence views" onKeyDown={onKeyDown}>
          {tabs.map((tab) => (
            <a
              key={tab.name}
              id={`evidence-tab-${tab.name}`}
              role="tab"
              href={routeHref('evidence', [tab.name])}
              aria-selected={tab.name === current}
              aria-controls="evidence-panel"
              tabIndex={tab.name === current ? 0 : -1}
              title={tab.description}
            >
              {tab.label}
            </a>
          ))}
        </div>
      </header>
      <div id="evidence-panel" role="tabpanel" aria-labelledby={`evidence-tab-${current}`}>
        {current === 'timeline' && <TimelineTab filters={timeline} setFilters={setTimeline} openEventId={route.query.get('event') ?? undefined} />}
        {current === 'figures' && <FiguresTab filters={figures} setFilters={setFigures} />}
        {current === 'network' && <NetworkTab filters={network} setFilters={setNetwork} />}
      </div>
    </section>
  );
}
