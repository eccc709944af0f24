import { join } from 'node:path';
import { WorkbenchError } from '../api/errors';
import { listBackups } from './backups';
import { legacyEnvelopeVersion, type CollectionDefinition } from './collection-definition';
import { readTextIfExists } from './durable-file';
import { notice, type StoreNotice } from './notices';
import { nextRevision, type StoredRecord } from './revisions';
import { interpretSnapshotText, isStoredRecordShape, type Snapshot } from './snapshot';

/**
 * Reading a collection's snapshot, whatever state it is in: current, from an older
 * version (records migrated), a round-1 envelope (converted to records), damaged (restored
 * from the newest good backup, else left to what the journal holds), or from a newer app
 * (refused). Nothing here writes: a writable open persists the outcome afterwards.
 */
export interface LoadedSnapshot<T> {
  records: Map<string, StoredRecord<T>>;
  quarantined: Map<string, unknown>;
  /** Journal lines at or below it are already included. */
  seq: number;
  /** The version of the file on disk. */
  version: number;
  bytes: number;
  projectId?: string;
  /** Why a writable open must write this collection's snapshot now, if it must. */
  rewrite?: 'created' | 'migrated' | 'converted' | 'restored';
  /** The damaged file's text, to set aside before the restored snapshot replaces it. */
  damagedText?: string;
  /** The round-1 file the records came from. */
  legacyFile?: string;
}

export interface LoadContext {
  workspaceDir: string;
  notify(notice: StoreNotice): void;
  /** Author and time given to records converted from round 1. */
  author: string;
  at: string;
  /** Sequence numbers for converted records, after every sequence already on disk. */
  nextSeq(): number;
}

export type SnapshotSource =
  | { kind: 'snapshot'; snapshot: Snapshot; bytes: number }
  | { kind: 'legacy'; file: string; data: unknown }
  | { kind: 'missing' }
  | { kind: 'damaged'; reason: string; text: string };

/** Step one, before any sequence number is handed out: what is on disk for this collection. */
export async function readSnapshotSource<T extends { id: string }>(definition: CollectionDefinition<T>, workspaceDir: string): Promise<SnapshotSource> {
  const file = `${definition.name}.json`;
  const text = await readTextIfExists(join(workspaceDir, file));
  if (text === undefined) {
    const legacyFile = definition.legacy?.file;
    if (legacyFile && legacyFile !== file) {
      const legacyText = await readTextIfExists(join(workspaceDir, legacyFile));
      if (legacyText !== undefined) {
        const legacy = interpretSnapshotText(legacyText, definition.version);
        if (legacy.kind === 'newer') refuseNewer(definition, legacy.version, legacyFile);
        if (legacy.kind === 'legacy') return { kind: 'legacy', file: legacyFile, data: legacy.data };
        // A damaged round-1 file shared with other collections is reported by the one named after it.
        return { kind: 'missing' };
      }
    }
    return { kind: 'missing' };
  }
  const interpreted = interpretSnapshotText(text, definition.version);
  if (interpreted.kind === 'newer') refuseNewer(definition, interpreted.version, file);
  if (interpreted.kind === 'damaged') return { kind: 'damaged', reason: interpreted.reason, text };
  if (interpreted.kind === 'legacy') {
    if (definition.legacy?.file !== file) return { kind: 'damaged', reason: 'a round-1 file this collection cannot read', text };
    return { kind: 'legacy', file, data: interpreted.data };
  }
  if (interpreted.kind !== 'snapshot') throw new Error('unreachable');
  return { kind: 'snapshot', snapshot: interpreted.snapshot, bytes: Buffer.byteLength(text) };
}

/** Step two: records from the source, validated; damage restored from backups. */
export async function loadSnapshot<T extends { id: string }>(definition: CollectionDefinition<T>, source: SnapshotSource, context: LoadContext): Promise<LoadedSnapshot<T>> {
  switch (source.kind) {
    case 'snapshot':
      return fromSnapshot(definition, source.snapshot, source.bytes, context);
    case 'legacy':
      return { ...fromLegacy(definition, source.data, context), rewrite: 'converted', legacyFile: source.file };
    case 'missing':
      return { records: new Map(), quarantined: new Map(), seq: 0, version: definition.version, bytes: 0, rewrite: 'created' };
    case 'damaged':
      return { ...(await restore(definition, source.reason, context)), rewrite: 'restored', damagedText: source.text };
  }
}

function refuseNewer(definition: CollectionDefinition<{ id: string }>, version: number, file: string): never {
  throw new WorkbenchError(
    'CONFLICT',
    `${file} was written by a newer Field Workbench (schema ${version}; this version reads up to ${definition.version}). Update the app to open this workspace; the file was left as it is.`,
  );
}

function fromSnapshot<T extends { id: string }>(definition: CollectionDefinition<T>, snapshot: Snapshot, bytes: number, context: LoadContext): LoadedSnapshot<T> {
  const records = new Map<string, StoredRecord<T>>();
  const quarantined = new Map<string, unknown>(Object.entries(snapshot.quarantined ?? {}));
  const damagedIds: string[] = [];
  for (const [id, stored] of Object.entries(snapshot.records)) {
    const checked = checkStoredRecord(definition, id, stored, snapshot.schemaVersion);
    if (checked) records.set(id, checked);
    else {
      quarantined.set(id, stored);
      damagedIds.push(id);
    }
  }
  if (damagedIds.length > 0) {
    context.notify(
      notice(
        'damaged-records',
        definition.name,
        `${damagedIds.length} ${definition.name} record(s) in ${definition.name}.json are damaged (${damagedIds.slice(0, 3).join(', ')}${damagedIds.length > 3 ? ', …' : ''}); they are kept in the file, set aside, and not shown.`,
      ),
    );
  }
  return {
    records,
    quarantined,
    seq: snapshot.seq,
    version: snapshot.schemaVersion,
    bytes,
    ...(snapshot.projectId ? { projectId: snapshot.projectId } : {}),
    ...(snapshot.schemaVersion < definition.version ? { rewrite: 'migrated' as const } : {}),
  };
}

/** The stored record with its records migrated and validated, or undefined when damaged. */
function checkStoredRecord<T extends { id: string }>(definition: CollectionDefinition<T>, id: string, stored: unknown, version: number): StoredRecord<T> | undefined {
  if (!isStoredRecordShape(stored)) return undefined;
  const record = stored.record === undefined ? undefined : validateRecord(definition, stored.record, version, id);
  if (!stored.deleted && record === undefined) return undefined;
  const conflicts = [];
  for (const leaf of stored.conflicts ?? []) {
    const leafRecord = leaf.record === undefined ? undefined : validateRecord(definition, leaf.record, version, id);
    if (!leaf.deleted && leafRecord === undefined) return undefined;
    conflicts.push({ ...leaf, ...(leafRecord === undefined ? {} : { record: leafRecord }) });
  }
  const { record: _raw, conflicts: _rawConflicts, ...meta } = stored;
  return { ...meta, ...(record === undefined ? {} : { record }), ...(conflicts.length > 0 ? { conflicts } : {}) } as StoredRecord<T>;
}

/** Migrates a record from `version` to the current one and checks it; undefined when it does not fit. */
export function validateRecord<T extends { id: string }>(definition: CollectionDefinition<T>, raw: unknown, version: number, id?: string): T | undefined {
  let value = raw;
  try {
    for (let from = version; from < definition.version; from++) value = definition.migrations![from]!(value);
  } catch {
    return undefined;
  }
  const parsed = definition.schema.safeParse(value);
  if (!parsed.success) return undefined;
  if (id !== undefined && parsed.data.id !== id) return undefined;
  return parsed.data;
}

/** Describes why a record does not fit, for error messages on records received from elsewhere. */
export function recordProblem<T extends { id: string }>(definition: CollectionDefinition<T>, raw: unknown): string {
  const parsed = definition.schema.safeParse(raw);
  if (parsed.success) return 'it does not fit';
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`)
    .join('; ');
}

function fromLegacy<T extends { id: string }>(definition: CollectionDefinition<T>, data: unknown, context: LoadContext): LoadedSnapshot<T> {
  const records = new Map<string, StoredRecord<T>>();
  const quarantined = new Map<string, unknown>();
  let raws: unknown[] = [];
  try {
    raws = definition.legacy!.records(data);
  } catch {
    raws = [];
  }
  raws.forEach((raw, index) => {
    // Round-1 records have the shape of the first v2 version.
    const record = validateRecord(definition, raw, definition.version);
    if (!record) {
      quarantined.set(`round-1-${index}`, raw);
      return;
    }
    const rev = nextRevision(undefined, { record });
    records.set(record.id, { rev, revisions: [rev], author: context.author, at: context.at, seq: context.nextSeq(), record });
  });
  if (quarantined.size > 0) {
    context.notify(notice('damaged-records', definition.name, `${quarantined.size} round-1 ${definition.name} record(s) did not fit the current format; they are kept, set aside, in ${definition.name}.json.`));
  }
  return { records, quarantined, seq: 0, version: legacyEnvelopeVersion, bytes: 0 };
}

async function restore<T extends { id: string }>(definition: CollectionDefinition<T>, reason: string, context: LoadContext): Promise<Omit<LoadedSnapshot<T>, 'rewrite' | 'damagedText'>> {
  for (const backup of await listBackups(context.workspaceDir, definition.name)) {
    const text = await backup.read().catch(() => undefined);
    if (text === undefined) continue;
    const interpreted = interpretSnapshotText(text, definition.version);
    if (interpreted.kind === 'damaged' || interpreted.kind === 'newer') continue;
    const restored =
      interpreted.kind === 'snapshot'
        ? fromSnapshot(definition, interpreted.snapshot, Buffer.byteLength(text), context)
        : definition.legacy
          ? fromLegacy(definition, interpreted.data, context)
          : undefined;
    if (!restored) continue;
    context.notify(
      notice(
        'recovered-from-backup',
        definition.name,
        `${definition.name}.json was damaged (${reason}); it was restored from the backup ${backup.path} plus the changes in its journal.`,
        { restoredFrom: backup.path },
      ),
    );
    return restored;
  }
  context.notify(
    notice('reset-without-backup', definition.name, `${definition.name}.json was damaged (${reason}) and no usable backup exists; ${definition.name} holds only what its journal recorded.`),
  );
  return { records: new Map(), quarantined: new Map(), seq: 0, version: definition.version, bytes: 0 };
}
