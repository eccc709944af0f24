import type { EvidenceEvent } from '../../../../electron/core/evidence/index';
import { kindLabels } from './labels';

export type TimelineGrouping = 'paper' | 'kind' | 'entity' | 'none';

export interface TimelineGroup {
  id: string;
  content: string;
  order: number;
}

export interface TimelineItem {
  /** `eventId` or `eventId|groupId` when an event shows in several rows (one per paper). */
  id: string;
  eventId: string;
  group?: string;
  content: string;
  /** ISO days. A day is a point; anything longer a range from its first to after its last day. */
  start: string;
  end?: string;
  type: 'point' | 'range';
  className: string;
  title: string;
}

function nextDay(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** How many entities get a row of their own when grouping by entity; the rest share "Other". */
const ENTITY_ROWS = 12;

/**
 * Timeline rows and items for events: precision drawn honestly (a day is a point, a month a
 * range over the month, "late 2013" a range over its last third, a year the whole year), and
 * an event with several papers shown in each paper's row when grouped by paper.
 */
export function timelineData(
  events: readonly EvidenceEvent[],
  grouping: TimelineGrouping,
  names: { paper: (docId: string) => string; entity: (entityId: string) => string; paperOrder?: readonly string[] },
): { groups: TimelineGroup[]; items: TimelineItem[] } {
  const item = (event: EvidenceEvent, group?: string): TimelineItem => {
    const day = event.start === event.end;
    const papers = event.sources.length;
    return {
      id: group === undefined ? event.id : `${event.id}|${group}`,
      eventId: event.id,
      ...(group !== undefined ? { group } : {}),
      content: papers > 1 && grouping !== 'paper' ? `${event.title} (${papers} papers)` : event.title,
      start: event.start,
      ...(day ? {} : { end: nextDay(event.end) }),
      type: day ? 'point' : 'range',
      className: `kind-${event.kind} precision-${event.precision}${papers > 1 ? ' multi-source' : ''}${event.edited ? ' edited' : ''}`,
      title: `${event.dateLabel}: ${event.title}`,
    };
  };
  if (grouping === 'none') return { groups: [], items: events.map((e) => item(e)) };
  if (grouping === 'paper') {
    const present = new Set(events.flatMap((e) => e.sources.map((s) => s.docId)));
    // The papers in library order, so rows stay put while filters change.
    const docIds = [...(names.paperOrder ?? []).filter((id) => present.has(id)), ...[...present].filter((id) => !names.paperOrder?.includes(id))];
    return {
      groups: docIds.map((id, order) => ({ id, content: names.paper(id), order })),
      items: events.flatMap((e) => e.sources.map((s) => item(e, s.docId))),
    };
  }
  if (grouping === 'kind') {
    const kinds = [...new Set(events.map((e) => e.kind))].sort();
    return { groups: kinds.map((kind, order) => ({ id: kind, content: kindLabels[kind], order })), items: events.map((e) => item(e, e.kind)) };
  }
  const counts = new Map<string, number>();
  for (const e of events) for (const id of e.entityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const rows = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, ENTITY_ROWS).map(([id]) => id);
  const groups = rows.map((id, order) => ({ id, content: names.entity(id), order }));
  const items = events.flatMap((e) => {
    const own = e.entityIds.filter((id) => rows.includes(id));
    return own.length > 0 ? own.map((id) => item(e, id)) : [item(e, 'other')];
  });
  if (items.some((i) => i.group === 'other')) groups.push({ id: 'other', content: 'Other entities', order: rows.length });
  return { groups, items };
}

/**
 * The window to open on: from the tenth percentile of the events' starts to the last end, so a
 * few old events (NATO's 1952 enlargement) do not squeeze the decades the papers are about.
 */
export function initialWindow(events: readonly EvidenceEvent[]): { start: string; end: string } | undefined {
  if (events.length === 0) return undefined;
  const starts = events.map((e) => e.start).sort();
  const start = starts[Math.floor(starts.length * 0.1)] as string;
  const end = events.map((e) => e.end).sort().at(-1) as string;
  const pad = Math.max(30, (Date.parse(end) - Date.parse(start)) / 86_400_000 / 30);
  const shift = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
  return { start: shift(start, -pad), end: shift(end, pad) };
}
