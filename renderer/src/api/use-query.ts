import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf, MethodName, ResultOf } from '../../../electron/core/api/contract';
import { api } from './client';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: Error } | { status: 'ready'; data: T };

/**
 * Calls a method when its arguments change; `reload` calls it again. A reload of the same
 * query keeps showing the data it has until the new answer arrives, so views that refresh
 * on change events do not blank out (or lose what the user had open) while they reload.
 */
export function useQuery<M extends MethodName>(method: M, args: ArgsOf<M>): QueryState<ResultOf<M>> & { reload: () => void } {
  const key = `${method} ${JSON.stringify(args)}`;
  const [state, setState] = useState<QueryState<ResultOf<M>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const shownKey = useRef<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    if (shownKey.current !== key) setState({ status: 'loading' });
    shownKey.current = key;
    api.invoke(method, JSON.parse(key.slice(method.length + 1)) as ArgsOf<M>).then(
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
