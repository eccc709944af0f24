import { useState } from 'react';
import type { TopicSummary } from '../../../../electron/core/api/methods/annotations';
import { api } from '../../api/client';
import { routeHref } from '../../app/routes';
import { DeleteTopicForm } from './DeleteTopicForm';
import { selfAndDescendants } from './topic-tree';
import { quickDigit } from '../../annotations/coding-options';
import './CodebookTree.css';

type Action = { kind: 'rename' | 'move' | 'merge' | 'delete' | 'add-child'; topicId: string };

/** The codebook as a tree: create, rename, move, merge and delete topics, with counts. */
export function CodebookTree({ topics, selectedId }: { topics: TopicSummary[]; selectedId?: string }) {
  const [action, setAction] = useState<Action>();
  const [error, setError] = useState<string>();
  // Calls still waiting for core's answer: the tree says it is busy until they are all back.
  const [inFlight, setInFlight] = useState(0);
  const run = async (call: () => Promise<unknown>) => {
    setError(undefined);
    const started = action;
    setInFlight((count) => count + 1);
    try {
      await call();
      // Close the form this was for. The answer can arrive after the user (or a test) has
      // opened another form, since the change event refreshes the tree first: that one stays.
      setAction((current) => (current === started ? undefined : current));
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setInFlight((count) => count - 1);
    }
  };

  return (
    <div className="codebook" aria-busy={inFlight > 0}>
      <NameForm label="New topic" submitLabel="Add topic" onSubmit={(name) => run(() => api.invoke('topics.create', { name }))} />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {topics.length === 0 ? <p className="muted">No topics yet. Add one here, or create one while annotating.</p> : null}
      <ul className="codebook-tree" role="tree" aria-label="Codebook">
        {topics.map((topic) => {
          const open = action?.topicId === topic.id ? action.kind : undefined;
          const forbidden = selfAndDescendants(topics, topic.id);
          const others = topics.filter((other) => !forbidden.has(other.id));
          const digit = quickDigit(topics, topic.id);
          return (
            <li key={topic.id} role="treeitem" aria-level={topic.depth + 1} aria-selected={topic.id === selectedId} style={{ paddingLeft: `${topic.depth * 18}px` }}>
              <div className="codebook-row">
                <span className="topic-dot" style={{ background: topic.color }} aria-hidden="true" />
                <a href={routeHref('topics', [topic.id])} aria-current={topic.id === selectedId ? 'true' : undefined} className="codebook-link">
                  {topic.name}
                </a>
                {digit ? (
                  <kbd className="quick-digit" title={`With text selected in the reader, ${digit} codes it with this topic`} aria-label={`Quick key ${digit}`}>
                    {digit}
                  </kbd>
                ) : null}
                <span className="count" title={`${topic.quotes} quotes in ${topic.documents} documents`}>
                  {topic.quotes}
                </span>
                <select
                  className="codebook-actions"
                  aria-label={`Actions for ${topic.path}`}
                  value=""
                  onChange={(event) => {
                    setError(undefined);
                    setAction({ kind: event.target.value as Action['kind'], topicId: topic.id });
                  }}
                >
                  <option value="">⋯</option>
                  <option value="add-child">Add subtopic</option>
                  <option value="rename">Rename</option>
                  <option value="move">Move</option>
                  <option value="merge">Merge into…</option>
                  <option value="delete">Delete</option>
                </select>
              </div>
              {open === 'add-child' ? (
                <NameForm label={`New subtopic of ${topic.name}`} submitLabel="Add" onSubmit={(name) => run(() => api.invoke('topics.create', { name, parentId: topic.id }))} onCancel={() => setAction(undefined)} />
              ) : null}
              {open === 'rename' ? (
                <NameForm label={`Rename ${topic.name}`} submitLabel="Rename" initial={topic.name} onSubmit={(name) => run(() => api.invoke('topics.rename', { id: topic.id, name }))} onCancel={() => setAction(undefined)} />
              ) : null}
              {open === 'move' ? (
                <TopicPicker
                  label={`Move ${topic.name} under`}
                  submitLabel="Move"
                  options={others}
                  allowTop
                  onSubmit={(parentId) => run(() => api.invoke('topics.move', { id: topic.id, parentId: parentId ?? null }))}
                  onCancel={() => setAction(undefined)}
                />
              ) : null}
              {open === 'merge' ? (
                <TopicPicker
                  label={`Merge ${topic.name} into`}
                  submitLabel="Merge"
                  options={others}
                  onSubmit={(targetId) => run(() => api.invoke('topics.merge', { sourceId: topic.id, targetId: targetId! }))}
                  onCancel={() => setAction(undefined)}
                />
              ) : null}
              {open === 'delete' ? <DeleteTopicForm topic={topic} others={others} onSubmit={(choice) => run(() => api.invoke('topics.delete', choice))} onCancel={() => setAction(undefined)} /> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function NameForm({ label, submitLabel, initial = '', onSubmit, onCancel }: { label: string; submitLabel: string; initial?: string; onSubmit: (name: string) => Promise<void>; onCancel?: () => void }) {
  const [name, setName] = useState(initial);
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        void onSubmit(name.trim()).then(() => setName(''));
      }}
    >
      <input type="text" aria-label={label} placeholder={label} value={name} onChange={(event) => setName(event.target.value)} autoFocus={Boolean(onCancel)} />
      <button type="submit">{submitLabel}</button>
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </form>
  );
}

function TopicPicker({
  label,
  submitLabel,
  options,
  allowTop = false,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  options: TopicSummary[];
  allowTop?: boolean;
  onSubmit: (id: string | undefined) => Promise<void>;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(allowTop ? '' : (options[0]?.id ?? ''));
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(value || undefined);
      }}
    >
      <select aria-label={label} value={value} onChange={(event) => setValue(event.target.value)}>
        {allowTop ? <option value="">(top level)</option> : null}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.path}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!allowTop && !value}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
