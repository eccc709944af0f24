import { useEffect } from 'react';
import { api } from '../api/client';

/** Calls `refresh` whenever a document is imported, edited or removed. */
export function useLibraryChanged(refresh: () => void): void {
  useEffect(() => api.subscribe('library.changed', () => refresh()), [refresh]);
}
