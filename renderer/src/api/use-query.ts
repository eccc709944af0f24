import { useCallback, useEffect, useState } from 'react';
import type { ArgsOf, MethodName, ResultOf } from '../../../electron/core/api/contract';
import { api } from './client';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: Error } | { status: 'ready'; data: T };

/** Calls a method when its arguments change; `reload` calls it again. */
export function useQuery<M extends MethodName>(method: M, args: ArgsOf<M>): QueryState<ResultOf<M>> & { reload: () => void } {
  const key = JSON.stringify(args);
  const [state, setState] = useState<QueryState<ResultOf<M>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    api.invoke(method, JSON.parse(key) as ArgsOf<M>).then(
      (data) => current && setState({ status: 'ready', data }),
      (error: Error) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [method, key, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}
