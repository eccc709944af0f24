import { useId, useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../electron/core/api/methods/corpus';
import type { AnonymiseResult, NameSuggestion } from '../../../electron/core/interviews/methods';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { downloadText } from '../annotations/download-text';
import { Modal } from '../components/Modal';
import './AnonymiseDialog.css';

interface NameRow {
  name: string;
  source: NameSuggestion['source'] | 'typed';
  pseudonym: string;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const SOURCE_LABEL: Record<NameRow['source'], string> = { speaker: 'speaker', entity: 'person in the catalogue', typed: 'typed' };

/**
 * Replaces real names by pseudonyms in an imported document. Speakers and the catalogue's
 * people found in the text are offered; a name gets replaced once it has a pseudonym. The
 * counts come from core as the pseudonyms are typed, so the user sees what will change
 * before anything does. The key is handed to the browser's download (saved where the
 * user says, never in the workspace); Edit > Undo takes the whole change back.
 */
export function AnonymiseDialog({ document, onClose }: { document: DocumentSummary; onClose: () => void }) {
  const heading = useId();
  const [rows, setRows] = useState<NameRow[] | undefined>();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [working, setWorking] = useState(false);
  const [done, setDone] = useState<AnonymiseResult | undefined>();

  const suggestions = useApi('interviews.anonymisePreview', { docId: document.id });
  const shown = rows ?? suggestions.value?.suggestions.map((suggestion) => ({ name: suggestion.name, source: suggestion.source, pseudonym: '' })) ?? [];
  const replacements = useMemo(() => shown.filter((row) => row.pseudonym.trim() !== '').map((row) => ({ real: row.name, pseudonym: row.pseudonym.trim() })), [shown]);
  const preview = useApi('interviews.anonymisePreview', { docId: document.id, replacements }, { enabled: replacements.length > 0, keepPrevious: true });
  const found = new Map(suggestions.value?.suggestions.map((suggestion) => [suggestion.name, suggestion.count]));
  const planned = new Map(replacements.length > 0 ? preview.value?.replacements?.map((replacement) => [replacement.real, replacement.count]) : []);
  const problems = replacements.length > 0 ? (preview.value?.problems ?? []) : [];
  const missing = replacements.filter((replacement) => planned.get(replacement.real) === 0).map((replacement) => replacement.real);
  const blocked = suggestions.value?.blocked;

  const update = (index: number, pseudonym: string) => setRows(shown.map((row, at) => (at === index ? { ...row, pseudonym } : row)));
  const addTyped = () => {
    const name = typed.trim();
    if (!name || shown.some((row) => row.name.toLowerCase() === name.toLowerCase())) return;
    setRows([...shown, { name, source: 'typed', pseudonym: '' }]);
    setTyped('');
  };

  const anonymise = async () => {
    setWorking(true);
    setError(undefined);
    try {
      const result = await api.invoke('interviews.anonymise', { docId: document.id, replacements });
      if (result.key) downloadText({ text: result.key.text, fileName: result.key.fileName, mimeType: 'application/json', count: result.replacements.length });
      setDone(result);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setWorking(false);
    }
  };

  if (done) {
    return (
      <Modal title={`Anonymised “${done.title}”`} titleId={heading} onCancel={onClose} className="anonymise-dialog" actions={<button type="button" className="primary" onClick={onClose} autoFocus>Done</button>}>
        <ul className="anonymise-outcome" aria-label="Replacements made">
          {done.replacements.map((replacement) => (
            <li key={replacement.pseudonym}>
              {replacement.count} × <strong>{replacement.pseudonym}</strong>
            </li>
          ))}
        </ul>
        <p>
          {plural(done.passagesChanged, 'passage')}, {plural(done.speakerTurnsChanged, 'speaker label')} and {plural(done.annotationsChanged, 'annotation')} changed{done.noteChanged ? ', and the document note' : ''}. Search and every export now show the pseudonyms.
        </p>
        <p className="anonymise-key-note">The key (real name → pseudonym) was offered as <code>{done.key?.fileName}</code>: keep it outside the workspace folder. Edit › Undo (Ctrl+Z) brings the names back.</p>
      </Modal>
    );
  }

  return (
    <Modal
      title={`Anonymise “${document.title}”`}
      titleId={heading}
      onCancel={onClose}
      className="anonymise-dialog"
      onSubmit={() => void anonymise()}
      alerts={[...problems, ...missing.map((name) => `“${name}” does not occur in this document as a whole word: check the spelling, or clear its pseudonym.`), ...(error ? [error] : [])]}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={working || replacements.length === 0 || problems.length > 0 || missing.length > 0 || Boolean(blocked)}>
            {working ? 'Anonymising…' : replacements.length === 0 ? 'Replace names' : replacements.length === 1 ? 'Replace 1 name' : `Replace ${replacements.length} names`}
          </button>
        </>
      }
    >
      <p className="anonymise-intro">
        Names are replaced as whole words in any case (possessives too) in the text, speaker labels, search, annotations and notes, and so in every export and bundle. The key is saved as a file you choose, never in the workspace.
      </p>
      {blocked ? (
        <p className="form-error" role="alert">
          {blocked}
        </p>
      ) : null}
      {suggestions.status === 'loading' ? <p className="anonymise-empty">Looking for names…</p> : null}
      {suggestions.status === 'ready' && shown.length === 0 ? <p className="anonymise-empty">No speaker or known person was found in this document. Type a name below.</p> : null}
      {shown.length > 0 ? (
        <table className="anonymise-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Found</th>
              <th scope="col">Pseudonym</th>
              <th scope="col">Replaces</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <tr key={row.name}>
                <th scope="row">
                  {row.name}
                  <span className="anonymise-source">{SOURCE_LABEL[row.source]}</span>
                </th>
                <td>{found.get(row.name) ?? '—'}</td>
                <td>
                  <input
                    type="text"
                    aria-label={`Pseudonym for ${row.name}`}
                    placeholder="Leave empty to keep"
                    value={row.pseudonym}
                    onChange={(event) => update(index, event.target.value)}
                  />
                </td>
                <td className={planned.get(row.name) === 0 ? 'anonymise-none' : undefined}>{row.pseudonym.trim() ? (planned.get(row.name) ?? '…') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {shown.some((row) => row.pseudonym.trim() && (planned.get(row.name) ?? 0) > 0 && (planned.get(row.name) ?? 0) < (found.get(row.name) ?? 0)) ? (
        <p className="anonymise-empty">A longer name is replaced first (a full name before the first name alone), so a count can be smaller than what was found.</p>
      ) : null}
      <div className="anonymise-add">
        <input
          type="text"
          aria-label="Another name to replace"
          placeholder="Another name to replace"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addTyped();
            }
          }}
        />
        <button type="button" onClick={addTyped} disabled={!typed.trim()}>
          Add name
        </button>
      </div>
    </Modal>
  );
}
