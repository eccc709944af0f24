import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { TimelineGroup, TimelineItem } from './timeline-items';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';

type VisModule = typeof import('vis-timeline/standalone');
type Timeline = InstanceType<VisModule['Timeline']>;

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

/** The zoom levels the buttons offer: the whole record down to a few days. */
export const zoomLevels = [
  { label: 'Decades', span: 40 * YEAR },
  { label: 'Years', span: 6 * YEAR },
  { label: 'Months', span: 0.75 * YEAR },
  { label: 'Days', span: 30 * DAY },
] as const;

export interface TimelineHandle {
  zoomTo(span: number): void;
  fit(): void;
  focusEvent(eventId: string): void;
  element(): HTMLElement | null;
}

/**
 * vis-timeline, loaded when the tab first opens. Items are drawn from text (a template that
 * sets textContent), never as HTML. Wheel zoom needs Ctrl, so the page still scrolls; keys
 * + and - zoom, the arrows move, when the timeline has focus.
 */
export function VisTimeline({
  groups,
  items,
  window: openWindow,
  selectedEventId,
  onSelect,
  handle,
  windowKey = '',
}: {
  groups: TimelineGroup[];
  items: TimelineItem[];
  /** Where to open; all items if absent. */
  window: { start: string; end: string } | undefined;
  selectedEventId: string | undefined;
  onSelect: (eventId: string | undefined) => void;
  handle: (h: TimelineHandle) => void;
  /** The window opens again only when this changes (other filters or rows): a correction of an event keeps the place. */
  windowKey?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | undefined>(undefined);
  const vis = useRef<VisModule | undefined>(undefined);
  const latest = useRef({ items, groups, onSelect, openWindow, selectedEventId, windowKey });
  latest.current = { items, groups, onSelect, openWindow, selectedEventId, windowKey };
  const placedFor = useRef<string | undefined>(undefined);
  // Opened on an event (a link to it): shown as soon as it is among the items (a refetch may bring it).
  const focusPending = useRef(selectedEventId);

  useEffect(() => {
    let cancelled = false;
    void import('vis-timeline/standalone').then((module) => {
      if (cancelled || !container.current) return;
      vis.current = module;
      const created = new module.Timeline(container.current, [], {
        stack: true,
        orientation: { axis: 'top' },
        zoomMin: 3 * DAY,
        zoomMax: 90 * YEAR,
        zoomKey: 'ctrlKey',
        horizontalScroll: false,
        minHeight: 220,
        selectable: true,
        multiselect: false,
        showTooltips: true,
        margin: { item: { horizontal: 4, vertical: 6 } },
        groupOrder: 'order',
        template: (item?: TimelineItem) => {
          const span = document.createElement('span');
          span.textContent = item?.content ?? '';
          return span;
        },
        groupTemplate: (group?: TimelineGroup) => {
          const span = document.createElement('span');
          span.textContent = group?.content ?? '';
          span.title = group?.content ?? '';
          return span;
        },
      });
      created.on('select', (properties: { items: Array<string | number> }) => {
        const id = properties.items[0];
        latest.current.onSelect(id === undefined ? undefined : latest.current.items.find((i) => i.id === id)?.eventId);
      });
      timeline.current = created;
      apply();
    });
    return () => {
      cancelled = true;
      timeline.current?.destroy();
      timeline.current = undefined;
    };
  }, []);

  const apply = () => {
    const t = timeline.current;
    if (!t || !vis.current) return;
    const { items: nextItems, groups: nextGroups } = latest.current;
    // Rows first, then items, so no item arrives in a row that does not exist yet.
    t.setGroups(nextGroups.length > 0 ? nextGroups : (undefined as never));
    t.setItems(nextItems);
    container.current?.setAttribute('data-ready', 'true');
    container.current?.setAttribute('data-items', String(nextItems.length));
    const { openWindow: opening, windowKey: key } = latest.current;
    const pending = focusPending.current;
    const shown = pending ? nextItems.filter((i) => i.eventId === pending).map((i) => i.id) : [];
    if (shown.length > 0) {
      focusPending.current = undefined;
      placedFor.current = key;
      t.setSelection(shown);
      t.focus(shown, { animation: false });
      return;
    }
    if (placedFor.current === key) return;
    placedFor.current = key;
    if (opening) t.setWindow(opening.start, opening.end, { animation: false });
    else t.fit({ animation: false });
  };

  useEffect(apply, [items, groups]);

  useEffect(() => {
    if (focusPending.current && selectedEventId !== focusPending.current) focusPending.current = undefined;
    const t = timeline.current;
    if (!t) return;
    t.setSelection(selectedEventId ? items.filter((i) => i.eventId === selectedEventId).map((i) => i.id) : []);
  }, [selectedEventId, items]);

  useEffect(() => {
    handle({
      zoomTo(span) {
        const t = timeline.current;
        if (!t) return;
        const { start, end } = t.getWindow();
        const middle = (start.valueOf() + end.valueOf()) / 2;
        t.setWindow(middle - span / 2, middle + span / 2, { animation: false });
      },
      fit() {
        timeline.current?.fit({ animation: false });
      },
      focusEvent(eventId) {
        const ids = latest.current.items.filter((i) => i.eventId === eventId).map((i) => i.id);
        if (ids.length > 0) timeline.current?.focus(ids, { animation: false });
      },
      element: () => container.current,
    });
  }, [handle]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const t = timeline.current;
    if (!t) return;
    if (event.key === '+' || event.key === '=') t.zoomIn(0.5, { animation: false });
    else if (event.key === '-') t.zoomOut(0.5, { animation: false });
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const { start, end } = t.getWindow();
      const shift = (end.valueOf() - start.valueOf()) * 0.2 * (event.key === 'ArrowLeft' ? -1 : 1);
      t.setWindow(start.valueOf() + shift, end.valueOf() + shift, { animation: false });
    } else return;
    event.preventDefault();
  };

  return (
    <div
      ref={container}
      className="evidence-timeline"
      tabIndex={0}
      role="application"
      aria-label="Timeline of events. Plus and minus zoom, the arrow keys move; the list below the timeline selects events."
      onKeyDown={onKeyDown}
    />
  );
}
