import type { InvokeResult, MethodName } from './contract';
import { WorkbenchError } from './errors';

export type Dispatch = (method: unknown, args: unknown) => Promise<InvokeResult>;

/**
 * Calls a method through a dispatch and turns a failure back into a WorkbenchError. Kept
 * apart from dispatch.ts (which loads the whole contract) so areas can use it without an
 * import cycle.
 */
export async function invokeOrThrow<M extends MethodName>(dispatch: Dispatch, method: M, args: unknown): Promise<unknown> {
  const result = await dispatch(method, args);
  if (!result.ok) throw new WorkbenchError(result.error.code, result.error.message, result.error.details);
  return result.value;
}
