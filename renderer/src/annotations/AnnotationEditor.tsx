import { useEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import type { ColorKey } from '../../../electron/core/annotations/palette';
import { ColorPalette } from './ColorPalette';
import type { AnnotationTarget } from './selection-target';
import { TypeAhead } from './TypeAhead';
import { useCodingData } from './use-coding-data';
import { isTextEntry } from './use-undo-shortcuts';
import { saveAnnotation, type Chosen, type EditorState } from './save-annotation';
import '../styles/annotations.css';

interface Props {
  /** Create mode: what was selected. */
  target?: AnnotationTarget;
  /** Edit mode: the annotation being changed. */
  annotation?: AnnotationView;
  /** Where to float (the selection's corner); inline when absent. */
  position?: { top: number; left: number };
  onClose: () => void;
  onSaved?: (annotation: AnnotationView) => void;
}

function initialState(annotation?: AnnotationView): EditorState {
  return {
    color: annotation?.color ?? 'yellow',
    note: annotation?.note ?? '',
    topics: annotation?.topics.map((topic) => ({ id: topic.id, label: topic.path })) ?? [],
    entities: annotation?.entities.map((entity) => ({ id: entity.id, label: entity.name })) ?? [],
    recommendations: annotation?.recommendations.map((item) => ({ id: item.id, label: item.label })) ?? [],
  };
}

/**
 * The selection popup (create mode) and the annotation editor (edit mode): colour, note,
 * topics (new ones created on save), entities and recommendations. While text is selected,
 * keys 1–9 toggle the recently used topics, Enter saves and Escape closes.
 */
export function AnnotationEditor({ target, annotation, position, onClose, onSaved }: Props) {
  const data = useCodingData(target?.docId ?? annotation?.docId);
  const [state, setState] = useState<EditorState>(() => initialState(annotation));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  const toggle = (field: 'topics' | 'entities' | 'recommendations', item: Chosen) =>
    setState((current) => {
      const has = current[field].some((chosen) => (chosen.id ?? chosen.label) === (item.id ?? item.label));
      return { ...current, [field]: has ? current[field].filter((chosen) => (chosen.id ?? chosen.label) !== (item.id ?? item.label)) : [...current[field], item] };
    });

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setError(undefined);
    try {
      const saved = await saveAnnotation(stateRef.current, target ? { target } : { annotation: annotation! });
      onSaved?.(saved);
      onClose();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const saveRef = useRef(save);
  saveRef.current = save;

  // Keys while the focus is still on the page (the selection), not in one of the fields.
  useEffect(() => {
    if (!target) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextEntry(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') onClose();
      else if (event.key === 'Enter') void saveRef.current();
      else if (/^[1-9]$/.test(event.key)) {
        const topic = data.recentTopics[Number(event.key) - 1];
        if (!topic) return;
        toggle('topics', { id: topic.id, label: topic.path });
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [target, data.recentTopics, onClose]);

  const style: CSSProperties | undefined = position ? { top: position.top, left: position.left } : undefined;
  const chosenIds = (field: 'topics' | 'entities' | 'recommendations') => state[field].flatMap((item) => (item.id ? [item.id] : []));

  return (
    <div className={`annotation-editor${position ? ' is-floating' : ''}`} style={style} role="dialog" aria-label={target ? 'New annotation' : 'Edit annotation'}>
      {target ? <blockquote className="annotation-editor-quote">{target.quote.length > 160 ? `${target.quote.slice(0, 157)}…` : target.quote}</blockquote> : null}
      <ColorPalette palette={data.palette} value={state.color} onChange={(color: ColorKey) => setState({ ...state, color })} />
      <label className="annotation-editor-field">
        <span>Note</span>
        <textarea rows={2} value={state.note} aria-label="Note" onChange={(event) => setState({ ...state, note: event.target.value })} />
      </label>

      {data.recentTopics.length > 0 && target ? (
        <div className="recent-topics" aria-label="Recent topics">
          {data.recentTopics.map((topic, index) => {
            const on = state.topics.some((chosen) => chosen.id === topic.id);
            return (
              <button key={topic.id} type="button" className="recent-topic" aria-pressed={on} onClick={() => toggle('topics', { id: topic.id, label: topic.path })}>
                <kbd>{index + 1}</kbd> {topic.name}
              </button>
            );
          })}
        </div>
      ) : null}

      <ChosenList label="Topics" items={state.topics} onRemove={(item) => toggle('topics', item)} />
      <TypeAhead
        label="Add a topic"
        placeholder="Topic… (type a new name to create it)"
        options={data.topicOptions}
        exclude={chosenIds('topics')}
        onPick={(option) => toggle('topics', { id: option.id, label: option.label })}
        onCreate={(name) => toggle('topics', { label: name })}
        createLabel="New topic"
      />
      <ChosenList label="Entities" items={state.entities} onRemove={(item) => toggle('entities', item)} />
      <TypeAhead label="Link an entity" placeholder="Entity…" options={data.entityOptions} exclude={chosenIds('entities')} onPick={(option) => toggle('entities', { id: option.id, label: option.label })} />
      <ChosenList label="Recommendations" items={state.recommendations} onRemove={(item) => toggle('recommendations', item)} />
      <TypeAhead
        label="Link a recommendation"
        placeholder="Recommendation…"
        options={data.recommendationOptions}
        exclude={chosenIds('recommendations')}
        onPick={(option) => toggle('recommendations', { id: option.id, label: option.label })}
      />

      {error ? (
        <p className="annotation-editor-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="annotation-editor-actions">
        {target ? <span className="muted annotation-editor-hint">1–9 topics · Enter saves · Esc closes</span> : null}
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={saving}>
          {target ? 'Save annotation' : 'Save changes'}
        </button>
      </div>
    </div>
  );
}

function ChosenList({ label, items, onRemove }: { label: string; items: Chosen[]; onRemove: (item: Chosen) => void }) {
  if (items.length === 0) return null;
  return (
    <ul className="chosen-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.id ?? `new:${item.label}`} className="chip">
          {item.label}
          {item.id ? null : <span className="muted"> (new)</span>}
          <button type="button" className="chip-remove" aria-label={`Remove ${item.label}`} onClick={() => onRemove(item)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
