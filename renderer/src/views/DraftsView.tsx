import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useRoute } from '../app/use-route';
import { EmptyState, Loaded } from '../components/States';
import { DraftEditor } from './drafts/DraftEditor';
import { DraftList } from './drafts/DraftList';
import { QuotableAnnotations } from './drafts/QuotableAnnotations';
import { useDraftLists } from './drafts/use-draft-lists';
import './DraftsView.css';

/** `#/drafts` lists the drafts; `#/drafts/<id>` opens one in the editor beside the list. */
export function DraftsView() {
  const draftId = useRoute().params[0];
  const lists = useDraftLists();
  return (
    <section className="view split-view drafts-view" aria-labelledby="drafts-title">
      <div className="split-list">
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
