import { useMemo, useState } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import { useApi } from '../api/use-api';
import { AnnotationCard } from './AnnotationCard';
import { AnnotationEditor } from './AnnotationEditor';
import { AnnotationFilters } from './AnnotationFilters';
import { emptyFilter, filterAnnotations, sortAnnotations, type AnnotationFilter } from './annotation-filter';
import { ColoringToggle } from './ColoringToggle';
import { useUndoShortcuts } from './use-undo-shortcuts';
import { useDeleteAnnotation } from './DeleteAnnotation';
import { CoderColoringToggle } from '../team/CoderColoringToggle';
import { routeHref } from '../app/routes';
import { AddEventDialog } from '../views/evidence/AddEventDialog';
import './AnnotationsSidebar.css';

/**
 * A paper's annotations in reading order, filterable by words, topic, colour, entity and
 * recommendation. Orphans (quotes no longer found in the text) are listed apart, never
 * hidden. `onOpen` lets the reader scroll to the annotation.
 */
export function AnnotationsSidebar({ docId, onOpen }: { docId: string; onOpen?: (annotation: AnnotationView) => void }) {
  const annotations = useApi('annotations.list', { docId });
  const [filter, setFilter] = useState<AnnotationFilter>(emptyFilter);
  const [editing, setEditing] = useState<string>();
  const [addingEvent, setAddingEvent] = useState<AnnotationView>();
  // The event last made from an annotation here, linked from its card.
  const [added, setAdded] = useState<{ annotationId: string; eventId: string }>();
  useUndoShortcuts();
  const deletion = useDeleteAnnotation();

  const all = useMemo(() => sortAnnotations(annotations.value ?? [], 'paper'), [annotations.value]);
  const shown = useMemo(() => filterAnnotations(all, filter), [all, filter]);
  const coderCount = useMemo(() => new Set(all.map((annotation) => annotation.coder)).size, [all]);
  const anchored = shown.filter((annotation) => annotation.anchorStatus !== 'orphan');
  const orphans = shown.filter((annotation) => annotation.anchorStatus === 'orphan');

  const card = (annotation: AnnotationView) =>
    editing === annotation.id ? (
      <AnnotationEditor key={annotation.id} annotation={annotation} onClose={() => setEditing(undefined)} />
    ) : (
      <AnnotationCard
        key={annotation.id}
        annotation={annotation}
        {...(onOpen ? { onOpen: () => onOpen(annotation) } : {})}
        actions={
          <>
            <button type="button" className="link-button" onClick={() => setEditing(annotation.id)}>
              Edit
            </button>
            {annotation.anchorStatus !== 'orphan' ? (
              <button type="button" className="link-button" onClick={() => setAddingEvent(annotation)}>
                Add as event
              </button>
            ) : null}
            <button type="button" className="link-button danger" onClick={() => void deletion.remove(annotation)}>
              Delete
            </button>
            {added?.annotationId === annotation.id ? (
              <a className="annotation-card-event-link" href={routeHref('evidence', ['timeline'], { event: added.eventId })}>
                Event added: see it on the timeline
              </a>
            ) : null}
          </>
        }
      />
    );

  return (
    <aside className="annotations-sidebar" aria-label="Annotations">
      <header className="annotations-sidebar-header">
        <h2>
          Annotations <span className="count">{all.length}</span>
        </h2>
        <AnnotationFilters annotations={all} filter={filter} onChange={setFilter} dimensions={['topic', 'color', 'entity', 'recommendation', 'coder']} />
        <ColoringToggle />
        {coderCount > 1 ? <CoderColoringToggle /> : null}
      </header>
      {annotations.status === 'error' ? <p role="alert">{annotations.error.message}</p> : null}
      {annotations.status === 'ready' && all.length === 0 ? <p className="muted annotations-empty">Select text in the paper to annotate it.</p> : null}
      {all.length > 0 && shown.length === 0 ? <p className="muted annotations-empty">No annotation matches the filter.</p> : null}
      <div className="annotation-list">{anchored.map(card)}</div>
      {orphans.length > 0 ? (
        <section className="orphans" aria-label="Orphaned annotations">
          <h3>No longer found in the text</h3>
          <p className="muted">The paper’s text changed and these quotes could not be found again. They are kept here.</p>
          <div className="annotation-list">{orphans.map(card)}</div>
        </section>
      ) : null}
      {deletion.error ? <p role="alert">Not deleted: {deletion.error}</p> : null}
      {deletion.dialog}
      {addingEvent ? (
        <AddEventDialog
          annotation={addingEvent}
          onClose={() => setAddingEvent(undefined)}
          onAdded={(made) => {
            setAddingEvent(undefined);
            if (made.edit.type === 'add') setAdded({ annotationId: addingEvent.id, eventId: made.edit.event.id });
          }}
        />
      ) : null}
    </aside>
  );
}
