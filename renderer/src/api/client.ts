import type { ArgsOf, EventChannel, EventPayloads, MethodName, ResultOf } from '../../../electron/core/api/contract';
import type { ErrorCode } from '../../../electron/common/api/errors';
import './bridge';

/** A failed call, with the code and the person-readable message core gave. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** What core added for a program: for BAD_REQUEST, `{issues: ['fields.year: …']}`. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The renderer's typed door to core: `api.invoke('corpus.documents', {})`. */
export const api = {
  async invoke<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const result = await window.workbench.invoke(method, args);
    if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
    return result.value as ResultOf<M>;
  },
  subscribe<C extends EventChannel>(channel: C, listener: (payload: EventPayloads[C]) => void): () => void {
    return window.workbench.subscribe(channel, listener as (payload: EventPayloads[EventChannel]) => void);
  },
};
