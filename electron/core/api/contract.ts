import type { z } from 'zod';
import type { MethodSpec } from './method';
import { appMethods } from './methods/app';
import { corpusMethods } from './methods/corpus';
import { annotationsMethods } from '../annotations/methods';
import { draftsMethods } from '../drafts/methods';
import { importMethods } from '../import/methods';
import { searchMethods } from '../search/methods';
import { settingsMethods } from '../settings/methods';
import { evidenceMethods } from '../evidence/methods';
import { metadataEditsMethods } from '../metadata-edits/methods';
import { teamMethods } from '../team/methods';
import { exchangeMethods } from '../exchange/methods';
import { referencesMethods } from '../references/methods';
import { interviewsMethods } from '../interviews/methods';
import type { SerializedError } from './errors';

/**
 * The one API contract: every method the renderer (over IPC) and the CLI can call. Each
 * area declares its own table (`<area>/methods.ts`, one of its public faces, kept light so
 * that the contract loads no area's code); this is where they are all listed.
 * main validates the sender and the arguments against it before dispatching; the
 * renderer imports its types only.
 */
export const contract = {
  ...appMethods,
  ...corpusMethods,
  ...settingsMethods,
  ...searchMethods,
  ...annotationsMethods,
  ...draftsMethods,
  ...importMethods,
  ...evidenceMethods,
  ...metadataEditsMethods,
  ...teamMethods,
  ...exchangeMethods,
  ...referencesMethods,
  ...interviewsMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export type InvokeResult<T = unknown> = { ok: true; value: T } | { ok: false; error: SerializedError };

export type Handlers = { [M in MethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> | ResultOf<M> };

/**
 * Events core pushes to subscribers (the renderer via main, or tests). Areas add their
 * own channels by declaration merging (`declare module '../api/contract'`).
 */
export interface EventPayloads {
  notice: { message: string; level: 'info' | 'warning' | 'error' };
}
export type EventChannel = keyof EventPayloads;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
