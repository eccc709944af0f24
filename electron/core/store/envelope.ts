import { WorkbenchError } from '../api/errors';
import type { CollectionDefinition, Envelope } from './collection-definition';

export type EnvelopeCheck<T> =
  | { ok: true; data: T; migratedFrom?: number }
  | { ok: false; reason: string };

/**
 * Parses a collection file's text, migrates it to the current version and validates it.
 * A file from a newer version of the app is not corrupt: it is refused, so that it is
 * never overwritten by an older app.
 */
export function checkEnvelope<T>(definition: CollectionDefinition<T>, text: string): EnvelopeCheck<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  if (!isEnvelope(parsed)) return { ok: false, reason: 'missing schemaVersion or data' };
  if (parsed.schemaVersion > definition.version) {
    throw new WorkbenchError(
      'CONFLICT',
      `${definition.name}.json was written by a newer Field Workbench (schema ${parsed.schemaVersion}; this version reads up to ${definition.version}). Update the app to open this workspace.`,
    );
  }
  let data = parsed.data;
  for (let version = parsed.schemaVersion; version < definition.version; version++) {
    const migrate = definition.migrations[version];
    if (!migrate) return { ok: false, reason: `no migration from schema version ${version}` };
    data = migrate(data);
  }
  const result = definition.schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, reason: `does not match the schema (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})` };
  }
  return parsed.schemaVersion < definition.version
    ? { ok: true, data: result.data, migratedFrom: parsed.schemaVersion }
    : { ok: true, data: result.data };
}

function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isInteger((value as Envelope).schemaVersion) &&
    (value as Envelope).schemaVersion >= 1 &&
    'data' in value
  );
}

export function serializeEnvelope(version: number, data: unknown): string {
  return JSON.stringify({ schemaVersion: version, data } satisfies Envelope);
}
