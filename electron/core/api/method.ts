import type { z } from 'zod';

/** One API method: a zod schema for its arguments, and (as a type only) its result. */
export interface MethodSpec<Args extends z.ZodType, Result> {
  args: Args;
  /** Phantom field: never set at run time, only carries the result type. */
  readonly result?: Result;
}

/** `method<Result>()(argsSchema)`: the result type is named, the arguments inferred. */
export function method<Result>() {
  return <Args extends z.ZodType>(args: Args): MethodSpec<Args, Result> => ({ args });
}
