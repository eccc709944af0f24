import { useId, useState } from 'react';
import type { CaseView } from '../../../electron/core/interviews/methods';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import './CaseAttributes.css';

type CaseTarget = { docId: string } | { speaker: string };

/**
 * The reader's document info: this interview as a case, and each of its speakers (a
 * respondent is one case in every interview they speak in), with attributes such as
 * municipality, age group or role. Each change is saved at once as one undo step.
 */
export function CaseAttributes({ docId }: { docId: string }) {
  const cases = useApi('cases.forDocument', { docId });
  const known = useApi('cases.attributes', {});
  const heading = useId();
  const listId = useId();
  if (!cases.value) return null;
  const { document, speakers } = cases.value;
  return (
    <section className="case-attributes" aria-labelledby={heading}>
      <h3 id={heading}>Case attributes</h3>
      <datalist id={`${listId}-names`}>
        {known.value?.map((attribute) => <option key={attribute.name} value={attribute.name} />)}
      </datalist>
      <CaseEditor title="This document" target={{ docId }} view={document} namesList={`${listId}-names`} />
      {speakers.length === 0 ? (
        <p className="muted">No speaker turns in this document: only the document itself can be a case.</p>
      ) : (
        speakers.map((speaker) => (
          <CaseEditor key={speaker.id} title={speaker.label} detail={`${speaker.turns} ${speaker.turns === 1 ? 'turn' : 'turns'}`} target={{ speaker: speaker.speaker ?? speaker.label }} view={speaker} namesList={`${listId}-names`} />
        ))
      )}
    </section>
  );
}

function CaseEditor({ title, detail, target, view, namesList }: { title: string; detail?: string; target: CaseTarget; view: CaseView; namesList: string }) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const group = useId();

  const save = async (changes: Record<string, string | null>) => {
    setSaving(true);
    setError(undefined);
    try {
      await api.invoke('cases.set', { case: target, attributes: changes });
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      return false;
    } finally {
      setSaving(false);
    }
  };
  const add = async () => {
    if (!name.trim() || !value.trim()) return;
    if (await save({ [name.trim()]: value.trim() })) {
      setName('');
      setValue('');
    }
  };
  const entries = Object.entries(view.attributes);
  return (
    <div className="case-editor" role="group" aria-labelledby={group}>
      <p className="case-editor-title" id={group}>
        {title}
        {detail ? <span className="case-editor-detail"> · {detail}</span> : null}
      </p>
      {entries.length > 0 ? (
        <ul className="case-attribute-list">
          {entries.map(([attribute, shown]) => (
            <li key={attribute}>
              <span className="case-attribute-name">{attribute}</span> <span className="case-attribute-value">{shown}</span>
              <button type="button" className="icon-button" aria-label={`Remove ${attribute} from ${title}`} disabled={saving} onClick={() => void save({ [attribute]: null })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="case-attribute-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <input type="text" list={namesList} aria-label={`Attribute for ${title}`} placeholder="Attribute" value={name} onChange={(event) => setName(event.target.value)} />
        <input type="text" aria-label={`Value for ${title}`} placeholder="Value" value={value} onChange={(event) => setValue(event.target.value)} />
        <button type="submit" disabled={saving || !name.trim() || !value.trim()}>
          Set
        </button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
