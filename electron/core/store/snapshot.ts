import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './durable-file';
import { isRevision, type Leaf, type StoredRecord } from './revisions';

/**
 * A collection's snapshot (`<collection>.json`): a lowdb JSON file holding every record
 * (tombstones and conflicts included) as of workspace sequence `seq`. Journal lines with a
 * sequence at or below it are already in the snapshot and are skipped on load, which is
 * what makes compaction safe to interrupt.
 *
 *   {"schemaVersion":2,"projectId":"fw-…","seq":1200,"records":{"ann-…":{"rev":"2-…","revisions":[…],"author":"…","at":"…","seq":1187,"record":{…}}}}
 *
 * `quarantined` keeps records that failed validation, exactly as they were, so a damaged
 * record is never dropped by a compaction.
 */
export interface Snapshot {
  schemaVersion: number;
  /** The workspace's project id, kept here too so it can be recovered from any snapshot. */
  projectId?: string;
  seq: number;
  records: Record<string, StoredRecord>;
  quarantined?: Record<string, unknown>;
}

export type SnapshotText =
  | { kind: 'snapshot'; snapshot: Snapshot }
  /** Written by a newer app: whatever its shape, it is not ours to judge or to replace. */
  | { kind: 'newer'; version: number }
  /** A round-1 envelope `{schemaVersion: 1, data: …}`. */
  | { kind: 'legacy'; version: number; data: unknown }
  | { kind: 'damaged'; reason: string };

/**
 * Parses a snapshot file (or a backup of one) and checks its shape; records are validated
 * by the caller. A schema version above `maxVersion` is reported before anything else.
 */
export function interpretSnapshotText(text: string, maxVersion: number): SnapshotText {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { kind: 'damaged', reason: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'damaged', reason: 'not a JSON object' };
  const candidate = parsed as Record<string, unknown>;
  const version = candidate.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'damaged', reason: 'missing schemaVersion' };
  if (version > maxVersion) return { kind: 'newer', version };
  if (version === 1) {
    return 'data' in candidate ? { kind: 'legacy', version, data: candidate.data } : { kind: 'damaged', reason: 'a schema 1 file without data' };
  }
  if (typeof candidate.seq !== 'number' || !Number.isInteger(candidate.seq) || candidate.seq < 0) return { kind: 'damaged', reason: 'missing seq' };
  const records = candidate.records;
  if (typeof records !== 'object' || records === null || Array.isArray(records)) return { kind: 'damaged', reason: 'missing records' };
  const quarantined = candidate.quarantined;
  if (quarantined !== undefined && (typeof quarantined !== 'object' || quarantined === null || Array.isArray(quarantined))) {
    return { kind: 'damaged', reason: 'quarantined is not an object' };
  }
  return {
    kind: 'snapshot',
    snapshot: {
      schemaVersion: version,
      ...(typeof candidate.projectId === 'string' ? { projectId: candidate.projectId } : {}),
      seq: candidate.seq,
      records: records as Record<string, StoredRecord>,
      ...(quarantined ? { quarantined: quarantined as Record<string, unknown> } : {}),
    },
  };
}

/** The store's bookkeeping of a stored record is well formed (its record is checked by the collection's schema). */
export function isStoredRecordShape(value: unknown): value is StoredRecord {
  if (!isLeafShape(value)) return false;
  const stored = value as StoredRecord;
  if (!Number.isInteger(stored.seq) || stored.seq < 0) return false;
  return stored.conflicts === undefined || (Array.isArray(stored.conflicts) && stored.conflicts.every(isLeafShape));
}

function isLeafShape(value: unknown): value is Leaf {
  if (typeof value !== 'object' || value === null) return false;
  const leaf = value as Leaf;
  return (
    typeof leaf.rev === 'string' &&
    isRevision(leaf.rev) &&
    Array.isArray(leaf.revisions) &&
    leaf.revisions[0] === leaf.rev &&
    leaf.revisions.every((rev) => typeof rev === 'string') &&
    typeof leaf.author === 'string' &&
    typeof leaf.at === 'string' &&
    (leaf.deleted === undefined || leaf.deleted === true) &&
    (leaf.deleted === true || leaf.record !== undefined)
  );
}

/** lowdb's adapter for a snapshot: written durably (fsync before rename; lowdb's own writer does not sync). */
class DurableSnapshotFile implements Adapter<Snapshot> {
  constructor(private readonly path: string) {}

  async read(): Promise<Snapshot | null> {
    throw new Error('Snapshots are read through interpretSnapshotText, which can tell damage from absence.');
  }

  async write(data: Snapshot): Promise<void> {
    await writeFileDurably(this.path, JSON.stringify(data));
  }
}

export async function writeSnapshot(path: string, snapshot: Snapshot): Promise<void> {
  const low = new Low<Snapshot>(new DurableSnapshotFile(path), snapshot);
  await low.write();
}
