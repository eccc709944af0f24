/** Machine-readable error codes shared by IPC, the CLI and the renderer. */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNKNOWN_METHOD'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOCKED'
  | 'CORRUPT'
  | 'PASSWORD_REQUIRED'
  | 'PASSWORD_INCORRECT'
  | 'UNSUPPORTED'
  | 'CANCELLED'
  | 'IO'
  | 'INTERNAL';

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

export interface SerializedError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export function toSerializedError(error: unknown): SerializedError {
  if (error instanceof WorkbenchError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Something went wrong inside the workbench: ${message}` };
}
