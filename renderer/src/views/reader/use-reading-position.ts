import { useEffect, useRef } from 'react';
import { api } from '../../api/client';
import { useWriteCache } from '../../api/use-api';

const saveDelay = 800;

/**
 * Remembers where the reader is in a paper: the latest place is written after a pause in
 * moving (not on every scroll event), and once more when the paper closes.
 */
export function useSaveReadingPosition(docId: string, place: { passageId?: string; page?: number } | undefined): void {
  const pending = useRef<typeof place>(undefined);
  const writeCache = useWriteCache();
  const save = (value: typeof place) => {
    if (!value || (!value.passageId && !value.page)) return;
    // The paper opened again in this session starts from here without asking core.
    const saved = { ...value, updatedAt: new Date().toISOString() };
    writeCache('settings.readingPosition', { docId }, saved);
    writeCache('settings.lastReadingPosition', {}, { docId, ...saved });
    void api.invoke('settings.saveReadingPosition', { docId, ...value }).catch(() => {
      // Not remembering a position is no reason to interrupt reading.
    });
  };
  useEffect(() => {
    if (!place) return;
    pending.current = place;
    const timer = window.setTimeout(() => {
      save(place);
      pending.current = undefined;
    }, saveDelay);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docId, place?.passageId, place?.page]);
  useEffect(
    () => () => {
      if (pending.current) save(pending.current);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [docId],
  );
}
