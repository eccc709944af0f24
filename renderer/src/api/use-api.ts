import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ArgsOf, MethodName, ResultOf } from '../../../electron/core/api/contract';
import { fetchMethod, invalidate, queryKey } from './query-client';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: Error } | { status: 'ready'; data: T };

export type ApiQuery<T> = QueryState<T> & {
  /** Fetches again; what is shown stays until the new answer arrives. */
  reload: () => void;
  /** The data when ready, else undefined: for views that draw something either way. */
  value: T | undefined;
};

interface Options<R, T> {
  /** Picks what the view reads from the answer; the view re-renders only when that changes. */
  select?: (data: R) => T;
  /** False while the arguments are not known yet. */
  enabled?: boolean;
  /** Keep showing the previous arguments' answer while new arguments load (as one types a filter). */
  keepPrevious?: boolean;
}

/**
 * Asks core through the shared cache. The same method and arguments asked from several
 * views make one call; a change event makes it fetch again (see query-client.ts) while the
 * view keeps showing what it has, so open forms are never unmounted by a refresh.
 */
export function useApi<M extends MethodName, T = ResultOf<M>>(method: M, args: ArgsOf<M>, options: Options<ResultOf<M>, T> = {}): ApiQuery<T> {
  const result = useQuery({
    queryKey: queryKey(method, args),
    queryFn: () => fetchMethod(method, args),
    ...(options.select ? { select: options.select } : {}),
    enabled: options.enabled ?? true,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
  const { refetch, status, data, error } = result;
  const reload = useCallback(() => void refetch(), [refetch]);
  return useMemo((): ApiQuery<T> => {
    if (status === 'error') return { status: 'error', error: error as Error, reload, value: undefined };
    if (status === 'pending') return { status: 'loading', reload, value: undefined };
    return { status: 'ready', data: data as T, reload, value: data as T };
  }, [status, data, error, reload]);
}

/** For changes no event reports (a colour renamed): refresh the methods starting with these prefixes. */
export function useInvalidate(): (...prefixes: string[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback((...prefixes: string[]) => invalidate(client, prefixes), [client]);
}

/** Puts a known answer in the cache (what was just saved), so the next view to ask sees it at once. */
export function useWriteCache(): <M extends MethodName>(method: M, args: ArgsOf<M>, value: ResultOf<M>) => void {
  const client = useQueryClient();
  return useCallback(<M extends MethodName>(method: M, args: ArgsOf<M>, value: ResultOf<M>) => client.setQueryData(queryKey(method, args), value), [client]);
}
