/**
 * How a failure travels from core to whoever called it (IPC, the CLI, the harness): a code
 * a program can act on and a message written for a person. Core throws `WorkbenchError`
 * (electron/core/api/errors.ts) and serialises it to this shape; the renderer reads it.
 */
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

export interface SerializedError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
