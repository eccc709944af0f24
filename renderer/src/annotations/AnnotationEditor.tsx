import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import { defaultColor, type ColorKey } from '../../../electron/common/palette';
import { useApi } from '../api/use-api';
import { TypeAhead } from '../components/TypeAhead';
import type { AnchorBox } from '../components/floating-place';
import { useFloatingPlace } from '../components/use-floating-place';
import { isModifier } from '../app/use-shortcuts';
import { ColorPalette } from './ColorPalette';
import { entityOptions, quickTopics, recommendationOptions, topicOptions } from './coding-options';
import type { AnnotationTarget } from './selection-target';
import { isTextEntry } from './use-undo-shortcuts';
import { saveAnnotation, type Chosen, type EditorState } from './save-annotation';
import './AnnotationEditor.css';

interface Props {
  /** Create mode: what was selected. */
  target?: AnnotationTarget;
  /** Edit mode: the annotation being changed. */
  annotation?: AnnotationView;
  /** Float beside this (the selection); inline when absent. */
  anchor?: AnchorBox;
  onClose: () => void;
  onSaved?: (annotation: AnnotationView) => void;
}

type Field = 'topics' | 'entities' | 'recommendations';

/** What can be attached to an annotation, each with its chosen list and its type-ahead. */
const codingFields: ReadonlyArray<{ key: Field; listLabel: string; pickLabel: string; placeholder: string }> = [
  { key: 'topics', listLabel: 'Topics', pickLabel: 'Add a topic', placeholder: 'Topic… (type a new name to create it)' },
  { key: 'entities', listLabel: 'Entities', pickLabel: 'Link an entity', placeholder: 'Entity…' },
  { key: 'recommendations', listLabel: 'Recommendations', pickLabel: 'Link a recommendation', placeholder: 'Recommendation…' },
];

function initialState(annotation?: AnnotationView): EditorState {
  return {
    color: annotation?.color ?? defaultColor,
    note: annotation?.note ?? '',
    topics: annotation?.topics.map((topic) => ({ id: topic.id, label: topic.path })) ?? [],
    entities: annotation?.entities.map((entity) => ({ id: entity.id, label: entity.name })) ?? [],
    recommendations: annotation?.recommendations.map((item) => ({ id: item.id, label: item.label })) ?? [],
  };
}

const saveKeys = navigator.platform.toLowerCase().includes('mac') ? '⌘+Enter' : 'Ctrl+Enter';

/**
 * The selection popup (create mode) and the annotation editor (edit mode): colour, note,
 * topics (new ones created on save), entities and recommendations. It never runs past the
 * window: the fields scroll and the buttons stay. Ctrl/Cmd+Enter saves from anywhere in
 * it (Enter in the note is a new line); while the selection still has the focus, Enter
 * saves, Escape closes and 1–9 toggle the first nine topics of the codebook.
 */
export function AnnotationEditor({ target, annotation, anchor, onClose, onSaved }: Props) {
  const topics = useApi('topics.list', {}).value;
  const palette = useApi('annotations.palette', {}).value ?? [];
  const entities = useApi('corpus.entities', {}).value;
  const recommendations = useApi('corpus.recommendations', {}).value;
  const docId = target?.docId ?? annotation?.docId;
  const options = useMemo(
    () => ({
      topics: topicOptions(topics ?? []),
      entities: entityOptions(entities ?? []),
      recommendations: recommendationOptions(recommendations ?? [], docId),
    }),
    [topics, entities, recommendations, docId],
  );
  const quick = useMemo(() => quickTopics(topics ?? []), [topics]);

  const [state, setState] = useState<EditorState>(() => initialState(annotation));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  const panel = useRef<HTMLDivElement>(null);
  const place = useFloatingPlace(panel, anchor);

  const toggle = (field: Field, item: Chosen) =>
    setState((current) => {
      const key = (chosen: Chosen) => chosen.id ?? chosen.label;
      const has = current[field].some((chosen) => key(chosen) === key(item));
      return { ...current, [field]: has ? current[field].filter((chosen) => key(chosen) !== key(item)) : [...current[field], item] };
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
      setSaving(false);
    }
  };
  const saveRef = useRef(save);
  saveRef.current = save;
  const quickRef = useRef(quick);
  quickRef.current = quick;

  // Keys while the focus is still on the page (the selection), not in one of the fields.
  useEffect(() => {
    if (!target) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextEntry(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (panel.current?.contains(event.target as Node)) return;
      if (event.key === 'Escape') onClose();
      else if (event.key === 'Enter') void saveRef.current();
      else if (/^[1-9]$/.test(event.key)) {
        const topic = quickRef.current[Number(event.key) - 1];
        if (!topic) return;
        toggle('topics', { id: topic.id, label: topic.path });
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [target, onClose]);

  // Keys inside the editor: Ctrl/Cmd+Enter saves from any field, Escape closes.
  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key === 'Enter' && isModifier(event.nativeEvent)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  const chosenIds = (field: Field) => state[field].flatMap((item) => (item.id ? [item.id] : []));
  const floating = Boolean(anchor);
  const style = floating ? (place ? { top: place.top, left: place.left, maxHeight: place.maxHeight } : { top: -9999, left: -9999 }) : undefined;

  return (
    <div ref={panel} className={`annotation-editor${floating ? ' is-floating' : ''}`} style={style} role="dialog" aria-label={target ? 'New annotation' : 'Edit annotation'} onKeyDown={onKeyDown}>
      <div className="annotation-editor-body">
        {target ? <blockquote className="annotation-editor-quote">{target.quote.length > 160 ? `${target.quote.slice(0, 157)}…` : target.quote}</blockquote> : null}
        <ColorPalette palette={palette} value={state.color} onChange={(color: ColorKey) => setState((current) => ({ ...current, color }))} />
        <label className="annotation-editor-field">
          <span>Note</span>
          <textarea rows={2} value={state.note} aria-label="Note" onChange={(event) => setState((current) => ({ ...current, note: event.target.value }))} />
        </label>

        {quick.length > 0 ? (
          <div className="quick-topics" role="group" aria-label="Quick topics">
            {quick.map((topic, index) => {
              const on = state.topics.some((chosen) => chosen.id === topic.id);
              return (
                <button key={topic.id} type="button" className="quick-topic" aria-pressed={on} title={topic.path} aria-keyshortcuts={target ? String(index + 1) : undefined} onClick={() => toggle('topics', { id: topic.id, label: topic.path })}>
                  <kbd>{index + 1}</kbd> {topic.name}
                </button>
              );
            })}
          </div>
        ) : null}

        {codingFields.map((field) => (
          <Fragment key={field.key}>
            <ChosenList label={field.listLabel} items={state[field.key]} onRemove={(item) => toggle(field.key, item)} />
            <TypeAhead
              label={field.pickLabel}
              placeholder={field.placeholder}
              options={options[field.key]}
              exclude={chosenIds(field.key)}
              // A topic is listed by its path (its first keyword), the others by their label.
              onPick={(option) => toggle(field.key, { id: option.id, label: field.key === 'topics' ? (option.keywords?.[0] ?? option.label) : option.label })}
              {...(field.key === 'topics' ? { onCreate: (name: string) => toggle('topics', { label: name }), createLabel: 'New topic' } : {})}
            />
          </Fragment>
        ))}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="annotation-editor-actions">
        <span className="muted annotation-editor-hint">
          {target ? '1–9 topics · ' : ''}
          {saveKeys} saves · Esc closes
        </span>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={saving} aria-keyshortcuts="Control+Enter Meta+Enter">
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
