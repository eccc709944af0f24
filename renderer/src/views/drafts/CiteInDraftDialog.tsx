import { useId, useState } from 'react';
import { api } from '../../api/client';
import { useApi, useWriteCache } from '../../api/use-api';
import { Modal } from '../../components/Modal';
import type { Draft } from '../../../../electron/core/drafts/model';
import type { CitationAttrs } from '../../../../electron/common/drafts/citation-node';
import { lastOpenDraft } from './last-open-draft';
import './CiteInDraftDialog.css';

const newDraft = '';

export interface CitedInDraft {
  draftId: string;
  title: string;
}

/** What is cited: one citation (`drafts.appendCitation`), or anything a caller appends itself (a table: `drafts.appendTable`). */
export type CiteWhat = { citation: () => Promise<CitationAttrs> } | { append: (draftId: string) => Promise<Draft>; hint: string };

/**
 * "Cite in draft…": choose a draft (the one open last is offered first, else the one edited
 * last, or a new one) and the citation is added at its end, through `drafts.appendCitation`
 * (or the caller's `append`).
 */
export function CiteInDraftDialog({ what, onCancel, onCited, ...cite }: { what: string; onCancel: () => void; onCited: (cited: CitedInDraft) => void } & CiteWhat) {
  const titleId = useId();
  const selectId = useId();
  const drafts = useApi('drafts.list', {});
  const writeCache = useWriteCache();
  const list = drafts.status === 'ready' ? drafts.data : [];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [state, setState] = useState<{ status: 'idle' } | { status: 'saving' } | { status: 'error'; message: string }>({ status: 'idle' });
  const remembered = lastOpenDraft();
  const preferred = remembered && list.some((draft) => draft.id === remembered) ? remembered : (list[0]?.id ?? newDraft);
  const selected = chosen ?? preferred;

  const submit = async () => {
    if (state.status === 'saving' || drafts.status !== 'ready') return;
    setState({ status: 'saving' });
    try {
      const attrs = 'citation' in cite ? await cite.citation() : undefined;
      const draftId = selected === newDraft ? (await api.invoke('drafts.create', {})).id : selected;
      const draft = 'append' in cite ? await cite.append(draftId) : await api.invoke('drafts.appendCitation', { id: draftId, citation: attrs! });
      // The editor starts from the cached draft and does not take in later changes: cache
      // the draft with the citation, so opening it never shows (and autosaves) the old text.
      writeCache('drafts.get', { id: draft.id }, draft);
      onCited({ draftId: draft.id, title: draft.title });
    } catch (error) {
      setState({ status: 'error', message: (error as Error).message });
    }
  };

  return (
    <Modal
      title="Cite in a draft"
      titleId={titleId}
      className="cite-in-draft-dialog"
      onCancel={onCancel}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={state.status === 'saving' || drafts.status !== 'ready'}>
            {state.status === 'saving' ? 'Citing…' : 'Cite'}
          </button>
        </>
      }
    >
      <p className="cite-in-draft-what">{what}</p>
      <label htmlFor={selectId}>Draft</label>
      <select id={selectId} value={selected} onChange={(event) => setChosen(event.target.value)} disabled={drafts.status !== 'ready'} autoFocus>
        {list.map((draft) => (
          <option key={draft.id} value={draft.id}>
            {draft.title}
            {draft.id === remembered ? ' (open last)' : ''}
          </option>
        ))}
        <option value={newDraft}>A new draft</option>
      </select>
      <p className="cite-in-draft-hint">{'hint' in cite ? cite.hint : 'The citation is added at the end of the draft, formatted in its citation style, and the paper joins its bibliography.'}</p>
      {state.status === 'error' ? (
        <p className="cite-in-draft-error" role="alert">
          Could not cite: {state.message}
        </p>
      ) : null}
    </Modal>
  );
}
