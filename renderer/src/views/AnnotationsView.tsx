import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import { useApi } from '../api/use-api';
import { passageHref, routeHref } from '../app/routes';
import { navigate } from '../app/use-route';
import { EmptyState, Loaded } from '../components/States';
import { AnnotationCard } from '../annotations/AnnotationCard';
import { AnnotationEditor } from '../annotations/AnnotationEditor';
import { AnnotationFilters } from '../annotations/AnnotationFilters';
import { emptyFilter, filterAnnotations, sortAnnotations, sortOrders, type AnnotationFilter, type SortOrder } from '../annotations/annotation-filter';
import { ColoringToggle } from '../annotations/ColoringToggle';
import { useUndoShortcuts } from '../annotations/use-undo-shortcuts';
import { useDeleteAnnotation } from '../annotations/DeleteAnnotation';
import { AddEventDialog } from './evidence/AddEventDialog';
import './AnnotationsView.css';

/** How many cards are drawn at first; more on request, so ten thousand annotations stay quick. */
const pageSize = 100;

/**
 * Every annotation in the workspace, filtered by paper, topic, colour, entity,
 * recommendation, days and words, and sorted. The list is one Tab stop: the arrow keys move
 * through it, Enter opens the annotation in the reader, E edits it, Delete deletes it
 * (Ctrl/Cmd+Z brings it back).
 */
export function AnnotationsView() {
  const annotations = useApi('annotations.list', {});
  const palette = useApi('annotations.palette', {}).value;
  const [filter, setFilter] = useState<AnnotationFilter>(emptyFilter);
  const [order, setOrder] = useState<SortOrder>('newest');
  const [limit, setLimit] = useState(pageSize);
  const [current, setCurrent] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const [status, setStatus] = useState('');
  const [addingEvent, setAddingEvent] = useState<AnnotationView>();
  const [addedEvent, setAddedEvent] = useState<string>();
  const list = useRef<HTMLOListElement>(null);
  useUndoShortcuts();
  const deletion = useDeleteAnnotation();

  const all = annotations.value;
  const shown = useMemo(() => sortAnnotations(filterAnnotations(all ?? [], filter), order, palette), [all, filter, order, palette]);
  const visible = shown.slice(0, limit);
  // The Tab stop: the item last moved to, else the first.
  const focusId = visible.some((annotation) => annotation.id === current) ? current : visible[0]?.id;

  const focusItem = (id: string | undefined) => {
    if (!id) return;
    setCurrent(id);
    list.current?.querySelector<HTMLElement>(`[data-item="${CSS.escape(id)}"]`)?.focus();
  };
  const open = (annotation: AnnotationView) => {
    const passageId = annotation.target.passageIds[0];
    navigate(passageId && annotation.anchorStatus !== 'orphan' ? passageHref(annotation.docId, passageId) : routeHref('reader', [annotation.docId]));
  };
  const remove = async (annotation: AnnotationView) => {
    const index = visible.findIndex((item) => item.id === annotation.id);
    // An annotation drafts cite is deleted only once the user confirms, in the dialog.
    await deletion.remove(annotation, () => {
      setStatus('Annotation deleted. Ctrl+Z brings it back.');
      setAddedEvent(undefined);
      focusItem(visible[index + 1]?.id ?? visible[index - 1]?.id);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-item]');
    // Keys typed into the inline editor are its own.
    if (!item || event.target !== item || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = visible.findIndex((annotation) => annotation.id === item.dataset.item);
    const annotation = visible[index];
    if (!annotation) return;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: visible.length - 1, PageDown: index + 10, PageUp: index - 10 };
    if (event.key in moves) focusItem(visible[Math.max(0, Math.min(visible.length - 1, moves[event.key]!))]?.id);
    else if (event.key === 'Enter') open(annotation);
    else if (event.key === 'e' || event.key === 'E') setEditing(annotation.id);
    else if (event.key === 'Delete' || event.key === 'Backspace') void remove(annotation);
    else if ((event.key === 't' || event.key === 'T') && annotation.anchorStatus !== 'orphan') setAddingEvent(annotation);
    else return;
    event.preventDefault();
  };

  return (
    <section className="view annotations-view" aria-labelledby="annotations-title">
      <header className="view-header">
        <h1 id="annotations-title">Annotations</h1>
        <p className="view-subtitle">
          Everything you highlighted, coded and noted, in every paper. <kbd>↑</kbd> <kbd>↓</kbd> move, <kbd>Enter</kbd> opens, <kbd>E</kbd> edits, <kbd>Delete</kbd> deletes, <kbd>T</kbd> adds it to the timeline as an event.
        </p>
      </header>
      <div className="annotations-view-controls">
        <AnnotationFilters
          annotations={all ?? []}
          filter={filter}
          onChange={(next) => {
            setFilter(next);
            setLimit(pageSize);
          }}
          dimensions={['paper', 'topic', 'color', 'entity', 'recommendation', 'coder']}
          dates
        />
        <div className="annotations-view-order">
          <label>
            <span>Sort</span>
            <select aria-label="Sort annotations" value={order} onChange={(event) => setOrder(event.target.value as SortOrder)}>
              {(Object.keys(sortOrders) as SortOrder[]).map((key) => (
                <option key={key} value={key}>
                  {sortOrders[key]}
                </option>
              ))}
            </select>
          </label>
          <ColoringToggle />
          <span className="annotations-view-count" role="status">
            {all ? (shown.length === all.length ? `${all.length} annotation${all.length === 1 ? '' : 's'}` : `${shown.length} of ${all.length}`) : ''}
            {status ? ` · ${status}` : ''}
            {deletion.error ? ` · Not deleted: ${deletion.error}` : ''}
            {addedEvent ? (
              <>
                {' · '}
                <a href={routeHref('evidence', ['timeline'], { event: addedEvent })} className="annotations-view-event-link">
                  See the new event on the timeline
                </a>
              </>
            ) : null}
          </span>
        </div>
      </div>
      <Loaded state={annotations}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title="No annotations yet">Select text in the Reader to highlight, code and note it; every annotation is listed here.</EmptyState>
          ) : shown.length === 0 ? (
            <EmptyState title="No annotation matches">Loosen the filter: another paper, topic, colour or days.</EmptyState>
          ) : (
            <>
              <ol ref={list} className="annotations-view-list" aria-label="Annotations" onKeyDown={onKeyDown}>
                {visible.map((annotation) => (
                  <li key={annotation.id} data-item={annotation.id} tabIndex={annotation.id === focusId ? 0 : -1} aria-current={annotation.id === current ? 'true' : undefined} onFocus={(event) => event.target === event.currentTarget && setCurrent(annotation.id)}>
                    {editing === annotation.id ? (
                      <AnnotationEditor
                        annotation={annotation}
                        onClose={() => {
                          setEditing(undefined);
                          window.requestAnimationFrame(() => focusItem(annotation.id));
                        }}
                      />
                    ) : (
                      <AnnotationCard
                        annotation={annotation}
                        showDocument
                        showDate
                        linkFocusable={false}
                        actions={
                          <>
                            <button type="button" className="link-button" tabIndex={-1} onClick={() => setEditing(annotation.id)}>
                              Edit
                            </button>
                            <button type="button" className="link-button" tabIndex={-1} onClick={() => setAddingEvent(annotation)} disabled={annotation.anchorStatus === 'orphan'}>
                              Add as event
                            </button>
                            <button type="button" className="link-button danger" tabIndex={-1} onClick={() => void remove(annotation)}>
                              Delete
                            </button>
                          </>
                        }
                      />
                    )}
                  </li>
                ))}
              </ol>
              {shown.length > visible.length ? (
                <button type="button" className="annotations-view-more" onClick={() => setLimit((value) => value + pageSize)}>
                  Show {Math.min(pageSize, shown.length - visible.length)} more of {shown.length - visible.length}
                </button>
              ) : null}
            </>
          )
        }
      </Loaded>
      {deletion.dialog}
      {addingEvent ? (
        <AddEventDialog
          annotation={addingEvent}
          onClose={() => setAddingEvent(undefined)}
          onAdded={(made) => {
            setAddingEvent(undefined);
            setStatus('Event added to the timeline');
            setAddedEvent(made.edit.type === 'add' ? made.edit.event.id : undefined);
          }}
        />
      ) : null}
    </section>
  );
}
