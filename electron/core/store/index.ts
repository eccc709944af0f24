/**
 * The workspace store: collections of records keyed by id, each a snapshot plus an
 * append-only journal, with CouchDB-style revisions, a change feed, a lock held per write
 * batch, and recovery that never loses what was acknowledged. Areas declare their
 * collections with `defineCollection` and read and write them through a `Workspace`.
 */
export { openWorkspace, Workspace } from './workspace';
export type { OpenWorkspaceOptions, ChangeResult, ChangesOptions, WorkspaceChangeBatch, CompactionPolicy } from './workspace';
export { defineCollection } from './collection-definition';
export type { CollectionDefinition, AnyCollectionDefinition, LegacySource } from './collection-definition';
export type { RecordSet, RecordChange, ChangeOrigin } from './collection-state';
export type { Transaction, RevisionInput } from './transaction';
export type { StoredRecord, Leaf, ApplyOutcome } from './revisions';
export { toCouchRevisions, fromCouchRevisions, liveConflicts, generation, nextRevision, toLeaf } from './revisions';
export type { StoreNotice, StoreNoticeKind } from './notices';
export type { WorkspaceIdentity, WorkspaceUser } from './identity';
export { userIdFor } from './identity';
export type { LockInfo } from './lock';
export { defaultLockWaitMs, lockWaitFromEnvironment } from './lock';
