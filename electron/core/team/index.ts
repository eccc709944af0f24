/**
 * The team area: the project's users, exchange bundles (export and merge with revisions and
 * tombstones), the conflicts exchange leaves, and inter-coder agreement.
 */
import { deletionConflictsCollection } from './conflicts';
import { syncSettingsCollection } from './sync-settings';
import { usersCollection } from './users';

export { createTeamArea } from './area';
export type { TeamArea, TeamDeps, TeamFace } from './area';
export { teamMethods } from './methods';
export type { TeamUsers, AgreementReport, ConflictView, MergeResult, ExportBundleResult, TeamUserView, TeamProgressEvent } from './methods';
export { cohensKappa } from './agreement';
export { usersCollection } from './users';
export { deletionConflictsCollection } from './conflicts';

/** The collections this area owns. */
export const teamCollections = [usersCollection, deletionConflictsCollection, syncSettingsCollection] as const;

/** Of these, the ones that never leave this workspace: which conflicts this replica has noted, where it syncs. */
export const teamLocalCollections = [deletionConflictsCollection.name, syncSettingsCollection.name] as const;
