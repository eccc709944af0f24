import type { z } from 'zod';

/**
 * A collection is a set of records of one kind, keyed by id, owned by one area. The area
 * declares it once; the workspace keeps it as a snapshot plus a journal.
 *
 * `version` is the schema version of its records. When an area changes its record shape it
 * bumps the version and adds `migrations[old]`, which turns one record of version `old` into
 * version `old + 1`; the store applies the chain on open and compacts the result.
 */
export interface CollectionDefinition<T extends { id: string }> {
  /** File stem: `<name>.json` (snapshot) and `<name>.journal`. Lower case, digits and dashes. */
  name: string;
  version: number;
  /** One record. Records read from disk or received from elsewhere are checked with it. */
  schema: z.ZodType<T>;
  migrations?: Record<number, (record: unknown) => unknown>;
  /**
   * Where a round-1 workspace kept these records: a `{schemaVersion: 1, data}` envelope
   * file, and how to take the records out of its data.
   */
  legacy?: LegacySource;
}

export interface LegacySource {
  /** The round-1 file, e.g. `settings.json`. */
  file: string;
  records: (data: unknown) => unknown[];
}

/** The version a round-1 envelope file had; store v2 collections start at 2. */
export const legacyEnvelopeVersion = 1;
export const firstRecordVersion = 2;

const namePattern = /^[a-z][a-z0-9-]*$/;

export function defineCollection<T extends { id: string }>(definition: CollectionDefinition<T>): CollectionDefinition<T> {
  if (!namePattern.test(definition.name)) throw new Error(`Collection name "${definition.name}" must be lower case letters, digits and dashes.`);
  if (definition.version < firstRecordVersion) throw new Error(`Collection ${definition.name} starts at version ${firstRecordVersion}.`);
  for (let from = firstRecordVersion; from < definition.version; from++) {
    if (!definition.migrations?.[from]) {
      throw new Error(`Collection ${definition.name} is at version ${definition.version} but has no migration from version ${from}.`);
    }
  }
  return definition;
}

/** A collection of any record type, for lists of definitions. */
export type AnyCollectionDefinition = CollectionDefinition<{ id: string }>;
