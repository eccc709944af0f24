import { z } from 'zod';
import { WorkbenchError } from '../api/errors';
import { defineCollection } from '../store/collection-definition';
import { liveConflicts, nextRevision, type AnyCollectionDefinition, type Leaf, type StoredRecord, type Transaction, type Workspace } from '../store';

/**
 * Conflicts, as exchange and sync leave them. Two kinds:
 * - edits on both sides: the record has live losing branches (the store keeps them);
 * - a deletion on one side and an edit on the other: CouchDB's rule lets the edit win and
 *   keeps the deletion as a deleted branch, which looks like any resolved branch. So when a
 *   merge makes such a branch, this replica notes it (`deletion-conflicts`, never sent
 *   anywhere: each replica notes it when the two sides meet there), and lists the record
 *   until someone chooses. The choice closes it on every side: keeping the edit extends the
 *   deleted branch with another tombstone, deleting deletes the winner.
 */
export const DeletionConflictSchema = z.object({
  /** `<collection>/<record id>`. */
  id: z.string().min(1),
  collection: z.string().min(1),
  recordId: z.string().min(1),
  deletedRevs: z.array(z.string()).min(1),
});
export type DeletionConflict = z.infer<typeof DeletionConflictSchema>;

export const deletionConflictsCollection = defineCollection({ name: 'deletion-conflicts', version: 2, schema: DeletionConflictSchema });

export function deletionConflictId(collection: string, recordId: string): string {
  return `${collection}/${recordId}`;
}

/** One version of a conflicted record, as the list shows it. */
export interface ConflictVersion {
  rev: string;
  author: string;
  at: string;
  deleted: boolean;
  /** Absent for a deletion. */
  record?: unknown;
  /** The version the workspace shows until the conflict is resolved. */
  current: boolean;
}

export interface ConflictView {
  collection: string;
  id: string;
  kind: 'edit-edit' | 'edit-delete';
  versions: ConflictVersion[];
}

/** A deletion conflict's branches that are still open: deleted leaves beside a live winner. */
function openDeletedRevs(stored: StoredRecord | undefined, marker: DeletionConflict | undefined): string[] {
  if (!stored || stored.deleted || !marker) return [];
  const deletedLeaves = new Set((stored.conflicts ?? []).filter((leaf) => leaf.deleted).map((leaf) => leaf.rev));
  return marker.deletedRevs.filter((rev) => deletedLeaves.has(rev));
}

/** Every record with a conflict, in the given collections. */
export function listConflicts(workspace: Workspace, collections: readonly AnyCollectionDefinition[]): ConflictView[] {
  const markers = workspace.records(deletionConflictsCollection);
  const views: ConflictView[] = [];
  for (const definition of collections) {
    const records = workspace.records(definition);
    const ids = new Set(records.conflicted());
    for (const marker of markers.values()) if (marker.collection === definition.name) ids.add(marker.recordId);
    for (const id of [...ids].sort()) {
      const view = conflictView(workspace, definition, id);
      if (view) views.push(view);
    }
  }
  return views;
}

export function conflictView(workspace: Workspace, definition: AnyCollectionDefinition, id: string): ConflictView | undefined {
  const stored = workspace.records(definition).entry(id);
  if (!stored) return undefined;
  const deletedRevs = openDeletedRevs(stored, workspace.records(deletionConflictsCollection).get(deletionConflictId(definition.name, id)));
  const live = liveConflicts(stored);
  if (live.length === 0 && deletedRevs.length === 0) return undefined;
  const leaves: Leaf[] = [stored, ...live, ...(stored.conflicts ?? []).filter((leaf) => deletedRevs.includes(leaf.rev))];
  return {
    collection: definition.name,
    id,
    kind: deletedRevs.length > 0 ? 'edit-delete' : 'edit-edit',
    versions: leaves.map((leaf) => ({
      rev: leaf.rev,
      author: leaf.author,
      at: leaf.at,
      deleted: Boolean(leaf.deleted),
      ...(leaf.record === undefined ? {} : { record: leaf.record }),
      current: leaf.rev === stored.rev,
    })),
  };
}

/** What the user chose: one of the versions (by revision), or a record they combined. */
export type ConflictChoice = { rev: string } | { record: unknown };

/**
 * Ends a conflict with the user's choice, which is itself a revision (so it travels): the
 * chosen or combined record goes on the winning branch and every other branch is closed by
 * a tombstone; choosing a deletion deletes the record. One transaction.
 */
export function stageResolution(tx: Transaction, workspace: Workspace, definition: AnyCollectionDefinition, id: string, choice: ConflictChoice, author: string): string {
  const view = conflictView(workspace, definition, id);
  if (!view) throw new WorkbenchError('NOT_FOUND', `${definition.name} ${id} has no conflict to resolve (it may have been resolved already). Run \`workbench conflicts\` to see the open ones.`);
  let chosen: { id: string } | undefined;
  if ('rev' in choice) {
    const version = view.versions.find((candidate) => candidate.rev === choice.rev);
    if (!version) throw new WorkbenchError('BAD_REQUEST', `${choice.rev} is not one of the versions of ${definition.name} ${id} (${view.versions.map((v) => v.rev).join(', ')}).`);
    chosen = version.deleted ? undefined : (version.record as { id: string });
  } else {
    const parsed = definition.schema.safeParse(choice.record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new WorkbenchError('BAD_REQUEST', `The combined ${definition.name} record is not valid (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}); nothing was changed.`);
    }
    if (parsed.data.id !== id) throw new WorkbenchError('BAD_REQUEST', `The combined record has id ${parsed.data.id}, not ${id}; nothing was changed.`);
    chosen = parsed.data;
  }
  const stored = tx.entry(definition, id)!;
  const current = stored.record as { id: string } | undefined;
  let rev: string;
  if (chosen) {
    rev = tx.resolveConflict(definition, id, chosen);
    // Close the deleted branches too, so the other replicas see the choice made.
    for (const deleted of view.versions.filter((version) => version.deleted)) {
      const leaf = stored.conflicts!.find((candidate) => candidate.rev === deleted.rev)!;
      const closing = nextRevision(leaf.rev, { deleted: true });
      tx.putRevision(definition, { id, rev: closing, revisions: [closing, ...leaf.revisions], deleted: true, author, at: new Date().toISOString() });
    }
  } else {
    // Deleting: live branches become tombstones (resolving to the current record closes the
    // others), then the record itself is deleted.
    if (liveConflicts(stored).length > 0 && current) tx.resolveConflict(definition, id, current);
    rev = tx.delete(definition, id) ?? stored.rev;
  }
  tx.delete(deletionConflictsCollection, deletionConflictId(definition.name, id));
  return rev;
}
