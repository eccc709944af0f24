import { useId, useState } from 'react';
import type { AutocodeResult } from '../../../electron/core/interviews/methods';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { Modal } from '../components/Modal';
import './AutocodeDialog.css';

type Mode = 'speaker' | 'query';

/**
 * Codes many passages with one topic at once: every turn of a speaker, or every passage
 * with some words, in every interview or one. Core counts as the choice is made (a dry
 * run), so the button says how many passages will be coded and how many already are; the
 * run is one step of Edit › Undo.
 */
export function AutocodeDialog({
  topicId,
  topicPath,
  initialQuery,
  initialDocId,
  onClose,
}: {
  /** From a topic's page: that topic. From the search results: the user picks or names one. */
  topicId?: string;
  topicPath?: string;
  initialQuery?: string;
  initialDocId?: string;
  onClose: () => void;
}) {
  const heading = useId();
  const topics = useApi('topics.list', {}, { enabled: topicId === undefined });
  const [typedTopic, setTypedTopic] = useState('');
  const speakers = useApi('cases.speakers', {});
  const documents = useApi('corpus.documents', {}, { select: (all) => all.filter((document) => document.origin !== 'bundled') });
  const [mode, setMode] = useState<Mode>(initialQuery ? 'query' : 'speaker');
  const [speaker, setSpeaker] = useState('');
  const [query, setQuery] = useState(initialQuery ?? '');
  const [docId, setDocId] = useState(initialDocId ?? '');
  const [error, setError] = useState<string | undefined>();
  const [working, setWorking] = useState(false);
  const [done, setDone] = useState<AutocodeResult | undefined>();

  const topic = topicId !== undefined ? { topicId } : { topicPath: typedTopic.trim() };
  const chosen = (mode === 'speaker' ? speaker : query.trim()) && (topicId !== undefined || typedTopic.trim()) ? 'yes' : '';
  const request = { ...topic, ...(mode === 'speaker' ? { speaker } : { query: query.trim() }), ...(docId ? { docId } : {}) };
  const preview = useApi('interviews.autocode', { ...request, dryRun: true }, { enabled: chosen !== '', keepPrevious: true });
  const count = chosen ? preview.value?.coded : undefined;

  const run = async () => {
    setWorking(true);
    setError(undefined);
    try {
      setDone(await api.invoke('interviews.autocode', request));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setWorking(false);
    }
  };

  if (done) {
    return (
      <Modal title={`Auto-coded with “${done.topic.path}”`} titleId={heading} onCancel={onClose} className="autocode-dialog" actions={<button type="button" className="primary" onClick={onClose} autoFocus>Done</button>}>
        <p role="status">
          Coded {done.coded} {done.coded === 1 ? 'passage' : 'passages'} in {done.documents} {done.documents === 1 ? 'document' : 'documents'}; {done.skipped} already coded with this topic {done.skipped === 1 ? 'was' : 'were'} left as {done.skipped === 1 ? 'it was' : 'they were'}.
        </p>
        <p className="muted">Edit › Undo (Ctrl+Z) takes the whole run back.</p>
      </Modal>
    );
  }

  return (
    <Modal
      title={topicPath ? `Auto-code with “${topicPath}”` : 'Auto-code with a topic'}
      titleId={heading}
      onCancel={onClose}
      className="autocode-dialog"
      onSubmit={() => void run()}
      alerts={[...(chosen && preview.status === 'error' ? [preview.error.message] : []), ...(error ? [error] : [])]}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={working || !chosen || !count}>
            {working ? 'Coding…' : count === undefined ? 'Code passages' : `Code ${count} ${count === 1 ? 'passage' : 'passages'}`}
          </button>
        </>
      }
    >
      {topicId === undefined ? (
        <label className="autocode-topic">
          <span>Topic</span>
          <input type="text" list={`${heading}-topics`} aria-label="Topic" placeholder="A topic, or a new path such as Security / Police" value={typedTopic} onChange={(event) => setTypedTopic(event.target.value)} />
          <datalist id={`${heading}-topics`}>
            {topics.value?.map((item) => <option key={item.id} value={item.path} />)}
          </datalist>
        </label>
      ) : null}
      <fieldset className="autocode-choice">
        <legend>What to code</legend>
        <label>
          <input type="radio" name="autocode-mode" checked={mode === 'speaker'} onChange={() => setMode('speaker')} /> Every turn of a speaker
        </label>
        {mode === 'speaker' ? (
          speakers.value && speakers.value.length === 0 ? (
            <p className="muted">No imported transcript has speaker turns.</p>
          ) : (
            <select aria-label="Speaker" value={speaker} onChange={(event) => setSpeaker(event.target.value)}>
              <option value="">Choose a speaker…</option>
              {speakers.value?.map((item) => (
                <option key={item.speaker} value={item.speaker}>
                  {item.speaker} ({item.turns} {item.turns === 1 ? 'turn' : 'turns'})
                </option>
              ))}
            </select>
          )
        ) : null}
        <label>
          <input type="radio" name="autocode-mode" checked={mode === 'query'} onChange={() => setMode('query')} /> Every passage with these words
        </label>
        {mode === 'query' ? (
          <>
            <input type="text" aria-label="Words" placeholder='e.g. police "north Mitrovica"' value={query} onChange={(event) => setQuery(event.target.value)} autoFocus />
            <p className="muted autocode-hint">Whole words, all of them; “quoted phrases” as written; case and accents ignored.</p>
          </>
        ) : null}
      </fieldset>
      <label className="autocode-document">
        <span>In</span>
        <select aria-label="Documents" value={docId} onChange={(event) => setDocId(event.target.value)}>
          <option value="">Every imported document</option>
          {documents.value?.map((document) => (
            <option key={document.id} value={document.id}>
              {document.title}
            </option>
          ))}
        </select>
      </label>
      {chosen && preview.value ? (
        <p className="autocode-preview" role="status">
          {preview.value.matched} {preview.value.matched === 1 ? 'passage matches' : 'passages match'}; {preview.value.skipped} already coded with this topic; {preview.value.coded} to code.
        </p>
      ) : null}
    </Modal>
  );
}
