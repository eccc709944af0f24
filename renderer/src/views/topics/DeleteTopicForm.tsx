import { useState } from 'react';
import type { TopicSummary } from '../../../../electron/core/api/methods/annotations';
import type { ArgsOf } from '../../../../electron/core/api/contract';
import './DeleteTopicForm.css';

type Choice = 'uncode' | 'move-to-parent' | 'move-to';

/** Deleting a topic asks what becomes of its quotes: they are never deleted with it. */
export function DeleteTopicForm({ topic, others, onSubmit, onCancel }: { topic: TopicSummary; others: TopicSummary[]; onSubmit: (choice: ArgsOf<'topics.delete'>) => Promise<void>; onCancel: () => void }) {
  const [choice, setChoice] = useState<Choice>(topic.parentId ? 'move-to-parent' : 'uncode');
  const [targetId, setTargetId] = useState(others[0]?.id ?? '');
  const parent = others.find((other) => other.id === topic.parentId);
  return (
    <form
      className="delete-topic-form"
      aria-label={`Delete ${topic.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(choice === 'move-to' ? { id: topic.id, quotes: 'move-to', targetId } : { id: topic.id, quotes: choice });
      }}
    >
      <p>
        Delete “{topic.path}”? {topic.quotes === 1 ? 'One quote is' : `${topic.quotes} quotes are`} coded with it; the quotes themselves stay.
        {' '}Any subtopics move up a level.
      </p>
      <label>
        <input type="radio" name="quotes" checked={choice === 'uncode'} onChange={() => setChoice('uncode')} /> Keep the quotes, without this topic
      </label>
      {parent ? (
        <label>
          <input type="radio" name="quotes" checked={choice === 'move-to-parent'} onChange={() => setChoice('move-to-parent')} /> Recode them to “{parent.path}”
        </label>
      ) : null}
      {others.length > 0 ? (
        <label>
          <input type="radio" name="quotes" checked={choice === 'move-to'} onChange={() => setChoice('move-to')} /> Recode them to{' '}
          <select aria-label="Recode the quotes to" value={targetId} onChange={(event) => { setChoice('move-to'); setTargetId(event.target.value); }}>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.path}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="danger">
          Delete topic
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
