import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../../api/use-api';
import { EmptyState, Loaded } from '../../components/States';
import type { EventKind } from '../../../../electron/core/corpus/schema';
import type { EventEditView, EventsResult } from '../../../../electron/core/evidence/index';
import { FilterMenu } from './FilterMenu';
import { EventDetail } from './EventDetail';
import { EditHistory } from './EditHistory';
import { describeEdit } from './edit-description';
import { HiddenEvents } from './HiddenEvents';
import { undoEventEdit } from './use-event-edits';
import { ExportMenu } from './ExportMenu';
import { pictureOf } from './html-picture';
import { kindLabels } from './labels';
import { initialWindow, timelineData, type TimelineGrouping } from './timeline-items';
import { VisTimeline, zoomLevels, type TimelineHandle } from './VisTimeline';

export interface TimelineFilters {
  docIds: string[];
  kinds: EventKind[];
  entityId: string;
  grouping: TimelineGrouping;
}

export const initialTimelineFilters: TimelineFilters = { docIds: [], kinds: [], entityId: '', grouping: 'paper' };

/** Events on a zoomable timeline, with the papers' sentences about the one selected. */
export function TimelineTab({ filters, setFilters, openEventId }: { filters: TimelineFilters; setFilters: (f: TimelineFilters) => void; /** Selected on opening (`#/evidence/timeline?event=…`). */ openEventId?: string }) {
  const args = {
    ...(filters.docIds.length ? { docIds: filters.docIds } : {}),
    ...(filters.kinds.length ? { kinds: filters.kinds } : {}),
    ...(filters.entityId ? { entityIds: [filters.entityId] } : {}),
  };
  const events = useApi('evidence.events', args);
  // The facets of everything, so a filter never hides the choices that would widen it again.
  const all = useApi('evidence.events', {});
  return (
    <Loaded state={all}>
      {(everything) => (
        <div className="evidence-timeline-tab">
          <div className="evidence-filters">
            <FilterMenu
              label="Papers"
              options={everything.facets.documents.map((d) => ({ value: d.id, label: d.title, count: d.count }))}
              selected={filters.docIds}
              onChange={(docIds) => setFilters({ ...filters, docIds })}
            />
            <FilterMenu
              label="Kinds"
              options={everything.facets.kinds.map((k) => ({ value: k.kind, label: kindLabels[k.kind], count: k.count }))}
              selected={filters.kinds}
              onChange={(kinds) => setFilters({ ...filters, kinds })}
            />
            <div className="evidence-selects">
              <label>
                Entity{' '}
                <select value={filters.entityId} onChange={(e) => setFilters({ ...filters, entityId: e.target.value })}>
                  <option value="">Any</option>
                  {everything.facets.entities.map((entity) => (
                    <option key={entity.id} value={entity.id}>
                      {entity.name} ({entity.count})
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Rows{' '}
                <select value={filters.grouping} onChange={(e) => setFilters({ ...filters, grouping: e.target.value as TimelineGrouping })}>
                  <option value="paper">One per paper</option>
                  <option value="kind">One per kind</option>
                  <option value="entity">One per entity</option>
                  <option value="none">One row</option>
                </select>
              </label>
            </div>
          </div>
          <Loaded state={events}>{(result) => <TimelineBody result={result} all={everything} filters={filters} openEventId={openEventId} />}</Loaded>
        </div>
      )}
    </Loaded>
  );
}

function TimelineBody({ result, all, filters, openEventId }: { result: EventsResult; all: EventsResult; filters: TimelineFilters; openEventId: string | undefined }) {
  const [selectedId, setSelectedId] = useState<string | undefined>(openEventId);
  const [status, setStatus] = useState('');
  const list = useRef<HTMLOListElement>(null);
  // Opened on an event: its row in the list is scrolled to, within the list (the page stays on the timeline), once it is listed.
  const scrollPending = useRef(openEventId);
  useEffect(() => {
    const box = list.current;
    const row = scrollPending.current ? box?.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(scrollPending.current)}"]`) : null;
    if (!row || !box) return;
    scrollPending.current = undefined;
    box.scrollTop += row.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 2;
  }, [result]);
  const edits = useApi('evidence.eventEdits', {}).value ?? [];
  const titles = useMemo(() => new Map(all.events.map((e) => [e.id, e.title])), [all]);
  const titleOf = useCallback((id: string) => titles.get(id), [titles]);
  const expectChange = useUndoneStatus(edits, titleOf, setStatus);
  const onUndone = useCallback(
    (edit: EventEditView | undefined, error?: string) => setStatus(error ? `Not undone: ${error}` : edit ? `Undone: ${describeEdit(edit, titleOf)}. Ctrl+Shift+Z redoes it.` : ''),
    [titleOf],
  );
  const timeline = useRef<TimelineHandle | undefined>(undefined);
  const setHandle = useCallback((h: TimelineHandle) => {
    timeline.current = h;
  }, []);
  const paperTitle = useMemo(() => new Map(all.facets.documents.map((d) => [d.id, d.title])), [all]);
  const entityName = useMemo(() => new Map(all.facets.entities.map((e) => [e.id, e.name])), [all]);
  const names = useMemo(
    () => ({ paper: (id: string) => paperTitle.get(id) ?? id, entity: (id: string) => entityName.get(id) ?? id, paperOrder: all.facets.documents.map((d) => d.id) }),
    [paperTitle, entityName, all],
  );
  const { groups, items } = useMemo(() => timelineData(result.events, filters.grouping, names), [result, filters.grouping, names]);
  const selected = result.events.find((e) => e.id === selectedId);
  const opening = useMemo(() => initialWindow(result.events), [result]);

  if (result.events.length === 0) {
    return <EmptyState title="No event matches these filters">Choose another paper, kind or entity, or press “All” to widen the filter again.</EmptyState>;
  }
  const select = (id: string | undefined) => {
    setSelectedId(id);
    if (id) timeline.current?.focusEvent(id);
  };
  const onSaved = (made: EventEditView, message: string) => {
    setStatus(`${message} Ctrl+Z takes it back.`);
    // A split's new event is the one to look at next.
    if (made.edit.type === 'split') setSelectedId(made.edit.newEventId);
  };
  const undo = (edit: EventEditView) => {
    const failed = expectChange();
    undoEventEdit(edit.id).then(
      () => onUndone(edit),
      (failure: Error) => {
        failed();
        onUndone(undefined, failure.message);
      },
    );
  };
  return (
    <>
      <div className="evidence-toolbar">
        <div className="evidence-zoom" role="group" aria-label="Zoom">
          <button type="button" onClick={() => timeline.current?.fit()}>
            All
          </button>
          {zoomLevels.map((level) => (
            <button key={level.label} type="button" onClick={() => timeline.current?.zoomTo(level.span)}>
              {level.label}
            </button>
          ))}
        </div>
        <p className="muted evidence-count" role="status">
          {result.events.length} {result.events.length === 1 ? 'event' : 'events'}
        </p>
        <EditHistory edits={edits} titleOf={titleOf} onUndo={undo} onOpen={(id) => select(id)} />
        <HiddenEvents
          edits={edits}
          expectChange={expectChange}
          onShown={(edit) => {
            setStatus(`“${edit.removed?.title ?? 'The event'}” is back on the timeline. Ctrl+Z hides it again.`);
            setSelectedId(edit.edit.type === 'remove' ? edit.edit.eventId : undefined);
          }}
          onError={(message) => setStatus(message)}
        />
        <ExportMenu
          view="timeline"
          draw={(format) => pictureOf(timeline.current?.element() ?? document.body, format)}
          csv={{ view: 'timeline', filters: { ...(filters.docIds.length ? { docIds: filters.docIds } : {}), ...(filters.kinds.length ? { kinds: filters.kinds } : {}), ...(filters.entityId ? { entityIds: [filters.entityId] } : {}) } }}
        />
      </div>
      <p className="evidence-edit-status" role="status" aria-live="polite">
        {status}
      </p>
      <VisTimeline groups={groups} items={items} window={opening} selectedEventId={selectedId} onSelect={setSelectedId} handle={setHandle} windowKey={JSON.stringify(filters)} />
      <p className="evidence-legend muted">
        A point is a day; a bar spans the month, part of a year or year the papers give. A dashed bar is dated to a year or part of one; italics mark an event a person corrected. Ctrl + wheel zooms.
      </p>
      <div className="evidence-timeline-lower">
        <ol className="evidence-event-list" aria-label="Events" ref={list}>
          {result.events.map((event) => (
            <li key={event.id}>
              <button type="button" aria-pressed={event.id === selectedId} onClick={() => select(event.id === selectedId ? undefined : event.id)} data-event-id={event.id}>
                <span className="evidence-event-date">
                  {event.dateLabel}
                  {event.edited ? <span className="evidence-edited-tag">corrected</span> : null}
                </span>
                <span className="evidence-event-title">{event.title}</span>
                {event.sources.length > 1 ? <span className="count" title="Papers">{event.sources.length}</span> : null}
              </button>
            </li>
          ))}
        </ol>
        <div className="evidence-event-panel">
          {selected ? (
            <EventDetail
              event={selected}
              entityName={names.entity}
              events={all.events}
              edits={edits}
              titleOf={titleOf}
              onSaved={onSaved}
              onUndo={undo}
              onError={(message) => setStatus(message)}
              expectChange={expectChange}
              onRemoved={(removed) => {
                setSelectedId(undefined);
                setStatus(
                  removed.outcome === 'deleted'
                    ? `Deleted “${selected.title}”, which you had added. Ctrl+Z brings it back.`
                    : `Hid “${selected.title}”: it is listed under Hidden, where it can be shown again. Ctrl+Z brings it back now.`,
                );
              }}
            />
          ) : (
            <EmptyState title="Choose an event">Click an event on the timeline or in the list to read what each paper says about it, side by side.</EmptyState>
          )}
        </div>
      </div>
    </>
  );
}

/**
 * Says what Ctrl+Z or Shift+Ctrl+Z (the app's undo, in core) did to the corrections: one taken
 * away is "Undone", one that comes back is "Redone". Watched on the list core returns, so undo
 * from anywhere (the app's shortcut, Edit > Undo) is reported the same way.
 */
function useUndoneStatus(edits: readonly EventEditView[], titleOf: (id: string) => string | undefined, setStatus: (status: string) => void): () => () => void {
  const previous = useRef<readonly EventEditView[] | undefined>(undefined);
  const gone = useRef(new Map<string, EventEditView>());
  // Set just before this view takes records away itself (Delete, Undo in the history, Show again), which say so in their own words.
  const ownChange = useRef(false);
  useEffect(() => {
    const before = previous.current;
    previous.current = edits;
    if (!before) return;
    const quiet = ownChange.current;
    const now = new Set(edits.map((edit) => edit.id));
    const taken = before.filter((edit) => !now.has(edit.id));
    const back = edits.filter((edit) => gone.current.has(edit.id));
    for (const edit of taken) gone.current.set(edit.id, edit);
    for (const edit of back) gone.current.delete(edit.id);
    const added = edits.some((edit) => !before.some((old) => old.id === edit.id));
    if (taken.length > 0 || added) ownChange.current = false;
    if (quiet) return;
    if (taken.length === 1 && back.length === 0) setStatus(`Undone: ${describeEdit(taken[0]!, titleOf)}. Shift+Ctrl+Z redoes it.`);
    else if (back.length === 1 && taken.length === 0) setStatus(`Redone: ${describeEdit(back[0]!, titleOf)}. Ctrl+Z undoes it.`);
  }, [edits, titleOf, setStatus]);
  return useCallback(() => {
    ownChange.current = true;
    return () => {
      ownChange.current = false;
    };
  }, []);
}
