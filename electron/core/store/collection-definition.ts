import type { z } from 'zod';

/**
 * A collection is one lowdb JSON file in the workspace. Its envelope on disk is
 * `{ "schemaVersion": n, "data": ... }`; `migrations[n]` turns data of version n into n + 1.
 */
export interface CollectionDefinition<T> {
  name: string;
  version: number;
  schema: z.ZodType<T>;
  defaults: () => T;
  migrations: Record<number, (data: unknown) => unknown>;
}

export function defineCollection<T>(definition: CollectionDefinition<T>): CollectionDefinition<T> {
  for (let from = 1; from < definition.version; from++) {
    if (!definition.migrations[from]) {
      throw new Error(`Collection ${definition.name} is at version ${definition.version} but has no migration from version ${from}.`);
    }
  }
  return definition;
}

export interface Envelope {
  schemaVersion: number;
  data: unknown;
}
