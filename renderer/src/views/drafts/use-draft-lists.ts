import { useApi } from '../../api/use-api';
import type { DraftSummary } from '../../../../electron/core/drafts/model';

export interface DraftLists {
  drafts?: DraftSummary[];
  trash?: DraftSummary[];
  error?: Error;
  reload: () => void;
}

/**
 * The drafts and the trash, refreshed whenever core says a draft changed. The previous
 * lists stay on screen while they reload, so autosave never makes the list flicker.
 */
export function useDraftLists(): DraftLists {
  const drafts = useApi('drafts.list', {});
  const trash = useApi('drafts.listTrash', {});
  const error = drafts.status === 'error' ? drafts.error : trash.status === 'error' ? trash.error : undefined;
  return {
    ...(drafts.value ? { drafts: drafts.value } : {}),
    ...(trash.value ? { trash: trash.value } : {}),
    ...(error ? { error } : {}),
    reload: () => {
      drafts.reload();
      trash.reload();
    },
  };
}
