import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
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
  const [state, setState] = useState<Omit<DraftLists, 'reload'>>({});
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    Promise.all([api.invoke('drafts.list', {}), api.invoke('drafts.listTrash', {})]).then(
      ([drafts, trash]) => current && setState({ drafts, trash }),
      (error: Error) => current && setState((previous) => ({ ...previous, error })),
    );
    return () => {
      current = false;
    };
  }, [generation]);

  useEffect(() => api.subscribe('drafts.changed', reload), [reload]);
  return { ...state, reload };
}
