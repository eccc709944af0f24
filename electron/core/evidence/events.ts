import type { CorpusEvent, EventKind } from '../corpus/schema';
import { formatEventDate, overlaps } from '../corpus/events/index';
import type { CorpusIndex } from '../corpus/corpus-index';

/** A sentence a paper says about an event, ready to show. */
export interface EventQuote {
  passageId: string;
  start: number;
  end: number;
  text: string;
  page: number;
}

export interface EventSourceView {
  docId: string;
  docTitle: string;
  passageIds: string[];
  quotes: EventQuote[];
}

export interface EvidenceEvent extends Omit<CorpusEvent, 'sources'> {
  /** "24 September 2023", "late 2013", "2015–2016". */
  dateLabel: string;
  /** A person's correction made or changed this event. */
  edited: boolean;
  sources: EventSourceView[];
}

export interface EventFilters {
  docIds?: readonly string[];
  entityIds?: readonly string[];
  kinds?: readonly EventKind[];
  /** ISO days: events whose span overlaps [from, to]. */
  from?: string;
  to?: string;
}

/** What the filters can narrow to, with how many events each would keep. */
export interface EventFacets {
  documents: Array<{ id: string; title: string; count: number }>;
  kinds: Array<{ kind: EventKind; count: number }>;
  entities: Array<{ id: string; name: string; type: string; count: number }>;
}

export interface EventsResult {
  events: EvidenceEvent[];
  facets: EventFacets;
}

function matches(event: CorpusEvent, filters: EventFilters): boolean {
  if (filters.docIds?.length && !event.sources.some((s) => filters.docIds?.includes(s.docId))) return false;
  if (filters.entityIds?.length && !filters.entityIds.every((id) => event.entityIds.includes(id))) return false;
  if (filters.kinds?.length && !filters.kinds.includes(event.kind)) return false;
  return overlaps(event.date, filters.from, filters.to);
}

function count<K>(keys: Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** The events that pass the filters, with their sources' sentences, and the facets over them. */
export function listEvents(corpus: CorpusIndex, filters: EventFilters = {}, all: readonly CorpusEvent[] = corpus.corpus.events, edited: ReadonlySet<string> = new Set()): EventsResult {
  const selected = all.filter((e) => matches(e, filters));
  const titleOf = (docId: string) => (corpus.hasDocument(docId) ? corpus.document(docId).title : docId);
  const events = selected.map(
    (event): EvidenceEvent => ({
      ...event,
      dateLabel: formatEventDate(event.date),
      edited: edited.has(event.id),
      sources: event.sources.map((source) => ({
        docId: source.docId,
        docTitle: titleOf(source.docId),
        passageIds: source.passageIds,
        quotes: source.quotes.map((q) => {
          const passage = corpus.findPassage(q.passageId);
          return { ...q, text: passage?.text.slice(q.start, q.end) ?? '', page: passage?.page ?? 1 };
        }),
      })),
    }),
  );
  const documents = count(selected.flatMap((e) => e.sources.map((s) => s.docId)));
  const kinds = count(selected.map((e) => e.kind));
  const entities = count(selected.flatMap((e) => e.entityIds));
  return {
    events,
    facets: {
      documents: corpus
        .allDocuments()
        .filter((d) => documents.has(d.id))
        .map((d) => ({ id: d.id, title: d.title, count: documents.get(d.id) ?? 0 })),
      kinds: [...kinds.entries()].map(([kind, n]) => ({ kind, count: n })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
      entities: [...entities.entries()]
        .map(([id, n]) => {
          const entity = corpus.entities().find((e) => e.id === id);
          return { id, name: entity?.name ?? id, type: entity?.type ?? 'event', count: n };
        })
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    },
  };
}
