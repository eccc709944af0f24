import { contract, isMethodName } from './contract';
import type { Handlers, InvokeResult } from './contract';
import { toSerializedError, WorkbenchError } from './errors';

export type { Dispatch } from './invoke';
import type { Dispatch } from './invoke';

/**
 * The single entry point for IPC, the CLI and the end-to-end harness: checks the method
 * name and the arguments against the contract, then calls the handler. Bad input is
 * answered with a typed error before any handler runs, so it changes nothing.
 */
export function createDispatch(handlers: Handlers): Dispatch {
  return async (method, args) => {
    try {
      if (!isMethodName(method)) {
        throw new WorkbenchError('UNKNOWN_METHOD', `There is no API method called ${JSON.stringify(method)}.`);
      }
      const parsed = contract[method].args.safeParse(args ?? {});
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`);
        throw new WorkbenchError('BAD_REQUEST', `Invalid arguments for ${method}: ${problems.join('; ')}.`, { issues: problems });
      }
      const handler = handlers[method] as (value: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      return { ok: false, error: toSerializedError(error) };
    }
  };
}

export { invokeOrThrow } from './invoke';
