import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Preferences } from '../../../electron/core/settings/methods';
import { api } from './client';
import { queryKey } from './query-client';
import { useApi } from './use-api';

const defaults: Preferences = { highlightColoring: 'annotation' };

/** The user's preferences (kept in the workspace's settings), the defaults until they have loaded. */
export function usePreferences(): Preferences {
  return useApi('settings.preferences', {}).value ?? defaults;
}

/**
 * Changes preferences: every view reading them redraws at once (before core has written
 * them), and goes back to what core holds if the write fails (the promise rejects).
 */
export function useSetPreferences(): (changes: Partial<Preferences>) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (changes: Partial<Preferences>) => {
      const key = queryKey('settings.preferences', {});
      const before = client.getQueryData<Preferences>(key) ?? defaults;
      client.setQueryData<Preferences>(key, { ...before, ...changes });
      try {
        client.setQueryData<Preferences>(key, await api.invoke('settings.setPreferences', changes));
      } catch (failure) {
        client.setQueryData<Preferences>(key, before);
        throw failure;
      }
    },
    [client],
  );
}
