import { generation, liveConflicts, type AnyCollectionDefinition, type StoredRecord, type Transaction } from '../store';
import type { BundleRecord } from './bundle-format';
import { deletionConflictId, deletionConflictsCollection } from './conflicts';

export interface ReceivedCounts {
  /** Records this workspace did not have. */
  added: number;
  /** Records that moved on to a colleague's newer revision. */
  updated: number;
  /** Records already known as they came. */
  unchanged: number;
  /** Records edited on both sides (or deleted on one, edited on the other): listed by `workbench conflicts`. */
  conflicts: number;
  /** The conflicted records, to open them. */
  conflicted: Array<{ collection: string; id: string }>;
}

/**
 * Inserts revisions received from elsewhere (a bundle, a sync) inside the caller's
 * transaction, as CouchDB does with `new_edits: false`, and counts what each record became.
 * A deletion meeting an edit is noted as a conflict (see `conflicts.ts`).
 */
export function applyReceived(tx: Transaction, byName: ReadonlyMap<string, AnyCollectionDefinition>, records: readonly BundleRecord[]): ReceivedCounts {
  const counts: ReceivedCounts = { added: 0, updated: 0, unchanged: 0, conflicts: 0, conflicted: [] };
  for (const record of records) {
    const definition = byName.get(record.collection)!;
    const before = tx.entry(definition, record.id);
    const outcomes = [...record.leaves]
      .sort((a, b) => generation(a.rev) - generation(b.rev))
      .map((leaf) => tx.putRevision(definition, { id: record.id, ...leaf, record: leaf.record as { id: string } | undefined }));
    const after = tx.entry(definition, record.id)!;
    const deletedBranches = outcomes.includes('branched') ? newDeletedBranches(before, after) : [];
    if (deletedBranches.length > 0) {
      const markerId = deletionConflictId(record.collection, record.id);
      const previous = tx.get(deletionConflictsCollection, markerId)?.deletedRevs ?? [];
      tx.put(deletionConflictsCollection, { id: markerId, collection: record.collection, recordId: record.id, deletedRevs: [...new Set([...previous, ...deletedBranches])] });
    }
    if (outcomes.every((outcome) => outcome === 'known')) counts.unchanged += 1;
    else if (deletedBranches.length > 0 || liveConflicts(after).length > (before ? liveConflicts(before).length : 0)) {
      counts.conflicts += 1;
      counts.conflicted.push({ collection: record.collection, id: record.id });
    } else if (!before) counts.added += 1;
    else counts.updated += 1;
  }
  return counts;
}

/** Deleted branches beside a live winner that this made (an edit here met a deletion there, or the reverse). */
function newDeletedBranches(before: StoredRecord | undefined, after: StoredRecord): string[] {
  if (after.deleted) return [];
  const wasDeletedLeaf = new Set((before?.conflicts ?? []).filter((leaf) => leaf.deleted).map((leaf) => leaf.rev));
  return (after.conflicts ?? []).filter((leaf) => leaf.deleted && !wasDeletedLeaf.has(leaf.rev)).map((leaf) => leaf.rev);
}
