import { backupFile } from './backups';
import type { CollectionState } from './collection-state';
import { statIfExists, writeFileDurably } from './durable-file';
import type { StoredRecord } from './revisions';
import { writeSnapshot } from './snapshot';
import type { StoreState } from './store-state';

/** When journals are folded into snapshots. */
export interface CompactionPolicy {
  /** A journal is compacted once larger than this and than `snapshotRatio` of its snapshot. */
  minJournalBytes: number;
  snapshotRatio: number;
  /** At idle and at close, a journal with anything in it is compacted if its snapshot is this small. */
  smallSnapshotBytes: number;
  /** How long without writes counts as idle. */
  idleMs: number;
}

export const defaultCompaction: CompactionPolicy = { minJournalBytes: 256 * 1024, snapshotRatio: 1 / 8, smallSnapshotBytes: 1024 * 1024, idleMs: 30_000 };

/**
 * After a write only a large journal is compacted (rewriting 100,000 records for one
 * annotation would make every save cost the whole workspace); at idle and at close a small
 * collection is tidied too. A snapshot from an older version is compacted at once, so that
 * no line of the new version is ever appended beside it.
 */
export function compactionDue(policy: CompactionPolicy, state: CollectionState, moment: 'write' | 'idle' | 'close'): boolean {
  if (state.snapshotVersion < state.definition.version) return true;
  const journal = state.journalOffset;
  if (journal === 0) return false;
  const big = journal > Math.max(policy.minJournalBytes, state.snapshotBytes * policy.snapshotRatio);
  if (moment === 'write') return big;
  return big || state.snapshotBytes < policy.smallSnapshotBytes;
}

/**
 * Writes the collection's snapshot (temporary file, fsync, rename), backs it up, then
 * replaces the journal with an empty one. A crash before the snapshot's rename leaves the
 * old pair; after it, the old journal's lines are at or below the snapshot's sequence and
 * are skipped on load. Runs under the lock, after catching up.
 */
export async function compactCollection(store: StoreState, state: CollectionState): Promise<void> {
  const records: Record<string, StoredRecord<{ id: string }>> = {};
  for (const [id, stored] of state.records) records[id] = stored;
  const quarantined = state.quarantined.size > 0 ? Object.fromEntries(state.quarantined) : undefined;
  await writeSnapshot(state.snapshotPath, {
    schemaVersion: state.definition.version,
    projectId: store.identity.projectId,
    seq: store.seq,
    records,
    ...(quarantined ? { quarantined } : {}),
  });
  // The newest backup is always the current snapshot: with the journal, the whole collection.
  await backupFile(store.dir, state.name, state.snapshotPath);
  await writeFileDurably(state.journalPath, '');
  await state.appendFile?.close().catch(() => undefined);
  state.appendFile = undefined;
  state.journalIno = (await statIfExists(state.journalPath))?.ino;
  state.journalOffset = 0;
  state.journalLines = 0;
  state.snapshotSeq = store.seq;
  state.snapshotVersion = state.definition.version;
  state.snapshotBytes = (await statIfExists(state.snapshotPath))?.size ?? 0;
}
