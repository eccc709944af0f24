import type { CorpusEvent, EventKind, EventSource } from '../schema';
import { isValidEventDate, precisionOf, spanOf } from './event-date';

/**
 * A person's corrections to the extracted events, kept apart from them: the corpus build stays
 * deterministic, and the corrections are applied over its events in the order they were made.
 * The evidence area keeps them as records of the workspace (`evidence/event-edits.ts`).
 */
export type EventEdit =
  /** Moves some of an event's passages to a new event: a merge that was wrong. */
  | { readonly type: 'split'; readonly eventId: string; readonly passageIds: readonly string[]; readonly newEventId: string; readonly title: string; readonly date?: string }
  /** Makes one event of several: the first id survives, the others' sources join it. */
  | { readonly type: 'merge'; readonly eventIds: readonly string[]; readonly title?: string }
  | { readonly type: 'redate'; readonly eventId: string; readonly date: string }
  | { readonly type: 'retitle'; readonly eventId: string; readonly title: string }
  | { readonly type: 'reclassify'; readonly eventId: string; readonly kind: EventKind }
  /** An event the papers' text did not yield, from a person's annotation of a passage. */
  | {
      readonly type: 'add';
      readonly event: { readonly id: string; readonly date: string; readonly title: string; readonly kind: EventKind; readonly entityIds: readonly string[]; readonly sources: readonly EventSource[] };
    }
  | { readonly type: 'remove'; readonly eventId: string };

export interface EditOutcome {
  readonly events: CorpusEvent[];
  /** Edits that no longer apply (their event is gone after a corpus rebuild, or the date is invalid), with why. */
  readonly skipped: ReadonlyArray<{ readonly index: number; readonly reason: string }>;
}

function dated<T extends Omit<CorpusEvent, 'precision' | 'start' | 'end'>>(event: T): T & Pick<CorpusEvent, 'precision' | 'start' | 'end'> {
  const { start, end } = spanOf(event.date);
  return { ...event, precision: precisionOf(event.date), start, end };
}

function bySpan(a: CorpusEvent, b: CorpusEvent): number {
  return a.start.localeCompare(b.start) || b.end.localeCompare(a.end) || a.title.localeCompare(b.title);
}

/** Splits an event's sources into those that quote any of `passageIds` and the rest. */
function partitionSources(sources: readonly EventSource[], passageIds: ReadonlySet<string>): [EventSource[], EventSource[]] {
  const moved: EventSource[] = [];
  const kept: EventSource[] = [];
  for (const source of sources) {
    const take = (ids: readonly string[]) => ids.filter((id) => passageIds.has(id));
    const leave = (ids: readonly string[]) => ids.filter((id) => !passageIds.has(id));
    if (take(source.passageIds).length > 0) {
      moved.push({ ...source, passageIds: take(source.passageIds), quotes: source.quotes.filter((q) => passageIds.has(q.passageId)) });
    }
    if (leave(source.passageIds).length > 0) {
      kept.push({ ...source, passageIds: leave(source.passageIds), quotes: source.quotes.filter((q) => !passageIds.has(q.passageId)) });
    }
  }
  return [moved, kept];
}

function mergeSources(all: readonly EventSource[]): EventSource[] {
  const byDoc = new Map<string, EventSource>();
  for (const source of all) {
    const known = byDoc.get(source.docId);
    if (!known) byDoc.set(source.docId, { ...source, passageIds: [...source.passageIds], quotes: [...source.quotes] });
    else {
      byDoc.set(source.docId, {
        docId: source.docId,
        passageIds: [...new Set([...known.passageIds, ...source.passageIds])],
        quotes: [...known.quotes, ...source.quotes.filter((q) => !known.quotes.some((k) => k.passageId === q.passageId && k.start === q.start))],
      });
    }
  }
  return [...byDoc.values()];
}

/**
 * Applies `edits` in order over `events` and returns the result sorted as the corpus sorts
 * events. Pure: the inputs are not changed. An edit whose event no longer exists is skipped
 * and reported, never an error, because the corpus can be rebuilt under the edits.
 */
export function applyEventEdits(events: readonly CorpusEvent[], edits: readonly EventEdit[]): EditOutcome {
  const byId = new Map(events.map((e) => [e.id, e]));
  const skipped: Array<{ index: number; reason: string }> = [];
  edits.forEach((edit, index) => {
    const skip = (reason: string) => skipped.push({ index, reason });
    switch (edit.type) {
      case 'split': {
        const event = byId.get(edit.eventId);
        if (!event) return skip(`no event ${edit.eventId}`);
        if (byId.has(edit.newEventId)) return skip(`event ${edit.newEventId} exists already`);
        const date = edit.date ?? event.date;
        if (!isValidEventDate(date)) return skip(`not a date: ${date}`);
        const [moved, kept] = partitionSources(event.sources, new Set(edit.passageIds));
        if (moved.length === 0 || kept.length === 0) return skip('a split must leave passages on both sides');
        byId.set(event.id, { ...event, sources: kept });
        byId.set(edit.newEventId, dated({ id: edit.newEventId, date, kind: event.kind, title: edit.title, entityIds: event.entityIds, sources: moved }));
        return;
      }
      case 'merge': {
        const found = edit.eventIds.map((id) => byId.get(id));
        if (found.length < 2 || found.some((e) => e === undefined)) return skip(`merge needs at least two existing events: ${edit.eventIds.join(', ')}`);
        const [first, ...rest] = found as CorpusEvent[];
        for (const other of rest) byId.delete(other.id);
        byId.set(first!.id, {
          ...first!,
          title: edit.title ?? first!.title,
          entityIds: [...new Set([first!, ...rest].flatMap((e) => e.entityIds))],
          sources: mergeSources([first!, ...rest].flatMap((e) => e.sources)),
        });
        return;
      }
      case 'redate': {
        const event = byId.get(edit.eventId);
        if (!event) return skip(`no event ${edit.eventId}`);
        if (!isValidEventDate(edit.date)) return skip(`not a date: ${edit.date}`);
        byId.set(event.id, dated({ ...event, date: edit.date }));
        return;
      }
      case 'retitle':
      case 'reclassify': {
        const event = byId.get(edit.eventId);
        if (!event) return skip(`no event ${edit.eventId}`);
        byId.set(event.id, edit.type === 'retitle' ? { ...event, title: edit.title } : { ...event, kind: edit.kind });
        return;
      }
      case 'add': {
        if (byId.has(edit.event.id)) return skip(`event ${edit.event.id} exists already`);
        if (!isValidEventDate(edit.event.date)) return skip(`not a date: ${edit.event.date}`);
        byId.set(edit.event.id, dated({ ...edit.event, entityIds: [...edit.event.entityIds], sources: [...edit.event.sources] }));
        return;
      }
      case 'remove': {
        if (!byId.delete(edit.eventId)) skip(`no event ${edit.eventId}`);
        return;
      }
    }
  });
  return { events: [...byId.values()].sort(bySpan), skipped };
}
