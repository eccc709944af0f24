import { useMemo, useState } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import type { ColorKey } from '../../../electron/core/annotations/palette';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { AnnotationCard } from './AnnotationCard';
import { AnnotationEditor } from './AnnotationEditor';
import { filterChoices, filterSidebar, type SidebarFilter } from './sidebar-filter';
import { useUndoShortcuts } from './use-undo-shortcuts';
import './AnnotationsSidebar.css';

/**
 * A paper's annotations, filterable by colour, topic, entity, recommendation and free
 * text. Orphans (quotes no longer found in the text) are listed apart, never hidden.
 * `onOpen` lets the reader scroll to the annotation.
 */
export function AnnotationsSidebar({ docId, onOpen }: { docId: string; onOpen?: (annotation: AnnotationView) => void }) {
  const annotations = useApi('annotations.list', { docId });
  const palette = useApi('annotations.palette', {});
  const [filter, setFilter] = useState<SidebarFilter>({ text: '' });
  const [editing, setEditing] = useState<string>();
  useUndoShortcuts();

  const all = annotations.status === 'ready' ? annotations.data : [];
  const choices = useMemo(() => filterChoices(all), [all]);
  const shown = useMemo(() => filterSidebar(all, filter), [all, filter]);
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
            <button type="button" className="link-button danger" onClick={() => void api.invoke('annotations.delete', { id: annotation.id })}>
              Delete
            </button>
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
        <input type="search" aria-label="Filter annotations" placeholder="Filter…" value={filter.text} onChange={(event) => setFilter({ ...filter, text: event.target.value })} />
        <div className="annotations-sidebar-filters">
          <select aria-label="Filter by colour" value={filter.color ?? ''} onChange={(event) => setFilter({ ...filter, color: (event.target.value || undefined) as ColorKey | undefined })}>
            <option value="">Any colour</option>
            {(palette.status === 'ready' ? palette.data : []).map((entry) => (
              <option key={entry.key} value={entry.key}>
                {entry.meaning ? `${entry.label}: ${entry.meaning}` : entry.label}
              </option>
            ))}
          </select>
          <ChoiceSelect label="topic" choices={choices.topics} value={filter.topicId} onChange={(topicId) => setFilter({ ...filter, topicId })} />
          <ChoiceSelect label="entity" choices={choices.entities} value={filter.entityId} onChange={(entityId) => setFilter({ ...filter, entityId })} />
          <ChoiceSelect label="recommendation" choices={choices.recommendations} value={filter.recommendationId} onChange={(recommendationId) => setFilter({ ...filter, recommendationId })} />
        </div>
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
    </aside>
  );
}

function ChoiceSelect({ label, choices, value, onChange }: { label: string; choices: Array<[string, string]>; value?: string; onChange: (value: string | undefined) => void }) {
  if (choices.length === 0) return null;
  return (
    <select aria-label={`Filter by ${label}`} value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
      <option value="">Any {label}</option>
      {choices.map(([id, name]) => (
        <option key={id} value={id}>
          {name}
        </option>
      ))}
    </select>
  );
}
