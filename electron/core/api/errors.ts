import type { ErrorCode, SerializedError } from '../../common/api/errors';

/** The codes and the serialised shape are common: the renderer reads what core sends. */
export type { ErrorCode, SerializedError } from '../../common/api/errors';

/** An error whose message is written for a person: what happened, and what to do. */
export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'WorkbenchError';
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}

export function toSerializedError(error: unknown): SerializedError {
  if (error instanceof WorkbenchError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Something went wrong inside the workbench: ${message}` };
}
