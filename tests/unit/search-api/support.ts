import type { ArgsOf, MethodName, ResultOf } from '../../../electron/core/api/contract';
import type { Core } from '../../../electron/core/core';
import { useCores } from '../../helpers/core';

export type Call = <M extends MethodName>(method: M, args: ArgsOf<M>) => Promise<ResultOf<M>>;

/** A core over a workspace folder and a `call` that throws the core's error when a method fails. */
export function useSearchCore(): (workspaceDir: string) => Promise<{ core: Core; call: Call }> {
  const openCore = useCores();
  return async (workspaceDir) => {
    const core = await openCore(workspaceDir);
    const call: Call = async (method, args) => {
      const result = await core.dispatch(method, args);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value as ResultOf<typeof method>;
    };
    return { core, call };
  };
}
