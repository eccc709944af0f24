import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { narrowWindow, useMediaQuery } from '../components/use-media-query';
import { useApi } from '../api/use-api';
import { useRoute } from '../app/use-route';
import { EmptyState, Loaded } from '../components/States';
import { DraftEditor } from './drafts/DraftEditor';
import { DraftList } from './drafts/DraftList';
import { QuotableAnnotations } from './drafts/QuotableAnnotations';
import { useDraftLists } from './drafts/use-draft-lists';
import { rememberOpenDraft } from './drafts/last-open-draft';
import './DraftsView.css';

/**
 * `#/drafts` lists the drafts; `#/drafts/<id>` opens one in the editor beside the list. In
 * a narrow window an open draft takes the whole width and the list folds behind a button.
 */
export function DraftsView() {
  const draftId = useRoute().params[0];
  const lists = useDraftLists();
  const narrow = useMediaQuery(narrowWindow);
  const [listShown, setListShown] = useState(false);
  // Opening another draft from the list puts the list away again.
  useEffect(() => setListShown(false), [draftId]);
  const foldable = narrow && Boolean(draftId);
  const layout = foldable ? (listShown ? ' is-list-over' : ' is-list-folded') : '';
  return (
    <section className={`view split-view drafts-view${layout}`} aria-labelledby="drafts-title">
      {foldable ? (
        <button type="button" className="drafts-list-toggle" aria-expanded={listShown} aria-controls="drafts-list" onClick={() => setListShown((shown) => !shown)}>
          {listShown ? 'Hide the drafts' : 'Drafts and annotations'}
        </button>
      ) : null}
      <div className="split-list" id="drafts-list">
        <header className="view-header">
          <h1 id="drafts-title">Drafts</h1>
        </header>
        <DraftList lists={lists} {...(draftId ? { currentId: draftId } : {})} />
        {draftId ? <QuotableAnnotations /> : null}
      </div>
      <div className="split-detail">
        {draftId ? (
          <OpenDraft key={draftId} draftId={draftId} />
        ) : (
          <EmptyState title="Write a paper with linked citations">Create a draft, or pick one from the list. Type @ in the text to cite a passage, an annotation or a paper.</EmptyState>
        )}
      </div>
    </section>
  );
}

function OpenDraft({ draftId }: { draftId: string }) {
  const draft = useApi('drafts.get', { id: draftId });
  useEffect(() => rememberOpenDraft(draftId), [draftId]);
  const styles = useApi('drafts.styles', {});
  return (
    <Loaded state={draft}>
      {(loaded) =>
        loaded.trashedAt ? (
          <EmptyState title={`“${loaded.title}” is in the trash`}>
            <button type="button" onClick={() => void api.invoke('drafts.restore', { id: loaded.id }).then(draft.reload)}>
              Restore it
            </button>
          </EmptyState>
        ) : (
          <Loaded state={styles}>{(styleList) => <DraftEditor draft={loaded} styles={styleList} />}</Loaded>
        )
      }
    </Loaded>
  );
}
