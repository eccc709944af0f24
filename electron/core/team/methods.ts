import { z } from 'zod';
import { method } from '../api/method';
import type { AgreementReport } from './agreement';
import type { ConflictView } from './conflicts';
import type { ExportBundleResult } from './export-bundle';
import type { MergeResult } from './merge-bundle';
import type { SyncResult } from './sync';
import type { SyncSettings } from './sync-settings';
import type { TeamUserView } from './users';

export type { AgreementReport, AgreementCounts, TopicAgreement, DisagreementPassage } from './agreement';
export type { ConflictView, ConflictVersion } from './conflicts';
export type { ExportBundleResult } from './export-bundle';
export type { MergeResult } from './merge-bundle';
export type { TeamUserView } from './users';
export type { SyncResult } from './sync';
export type { SyncSettings } from './sync-settings';

/** How a long export or merge is going, for the app's progress bar. */
export interface TeamProgressEvent {
  operation: 'export' | 'merge';
  stage: 'reading' | 'checking' | 'documents' | 'records' | 'writing' | 'loading' | 'done';
  /** Items done of total in this stage, when it counts any. */
  done?: number;
  total?: number;
}

declare module '../api/contract' {
  interface EventPayloads {
    'team.progress': TeamProgressEvent;
  }
}

export interface TeamUsers {
  users: TeamUserView[];
  /** False until the current user has named themselves (the app asks at first run). */
  confirmed: boolean;
}

const id = z.string().min(1).max(500);
/** The largest bundle taken as bytes from a drop: what a drop may import too. */
export const MAX_DROPPED_BUNDLE_BYTES = 200 * 1024 * 1024;
const MAX_DROPPED_BUNDLE_BASE64 = Math.ceil(MAX_DROPPED_BUNDLE_BYTES / 3) * 4;
const userId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a coder is a user id (lower case letters, digits, dashes)');
const filePath = z.string().min(1).max(4096);

/** Working as a team: who is who, exchange bundles, conflicts, inter-coder agreement. */
export const teamMethods = {
  /** Everyone who has written to the project, the current user first. */
  'team.users': method<TeamUsers>()(z.object({}).strict()),
  /** Writes an exchange bundle (a zip) of the workspace's records, with revisions, tombstones and imported documents. */
  'team.exportBundle': method<ExportBundleResult>()(
    z
      .object({
        out: filePath,
        /** The previous bundle's `lastSeq`, or an ISO date: only what changed after it. */
        since: z.union([z.number().int().nonnegative(), z.string().min(4).max(40)]).optional(),
      })
      .strict(),
  ),
  /** Merges a colleague's bundle; merging it again changes nothing. */
  'team.mergeBundle': method<MergeResult>()(
    z
      .object({
        file: filePath,
        /** A new member's first merge: an empty workspace joins the bundle's project. */
        join: z.boolean().optional(),
      })
      .strict(),
  ),
  /**
   * Host methods (the desktop app implements them with Electron's dialogs; core alone answers
   * UNSUPPORTED): where to write a bundle, and which bundle to merge. The path returned is
   * granted, so the renderer may pass it to `team.exportBundle` / `team.mergeBundle`;
   * null when the user cancelled.
   */
  'team.saveBundleDialog': method<{ path: string | null }>()(z.object({ suggestedName: z.string().trim().min(1).max(200).regex(/^[^/\\]+$/, 'a file name, no folders') }).strict()),
  'team.openBundleDialog': method<{ path: string | null }>()(z.object({}).strict()),
  /**
   * Merges a bundle dropped on the window, sent as bytes (the renderer never sees a dropped
   * file's path). Up to 200 MB; a larger bundle is chosen with the dialog instead.
   */
  'team.mergeBundleBytes': method<MergeResult>()(
    z
      .object({
        fileName: z.string().min(1).max(255).regex(/^[^/\\\0]+$/, 'a file name, no folders'),
        base64: z
          .string()
          .min(1, 'the bundle is empty')
          .max(MAX_DROPPED_BUNDLE_BASE64, `a dropped bundle can be up to ${MAX_DROPPED_BUNDLE_BYTES / 1024 / 1024} MB; choose a larger one with “Merge a colleague’s bundle…”`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the bundle must be sent as base64'),
        join: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Records edited on both sides, or deleted on one and edited on the other, with every version. */
  'team.conflicts': method<ConflictView[]>()(z.object({}).strict()),
  /** Ends a conflict with one version (`rev`) or a combined record (`record`); the choice is a new revision. */
  'team.resolveConflict': method<{ rev: string }>()(
    z
      .object({ collection: z.string().regex(/^[a-z][a-z0-9-]*$/), id, rev: z.string().optional(), record: z.record(z.string(), z.unknown()).optional() })
      .strict()
      .refine((args) => (args.rev === undefined) !== (args.record === undefined), { message: 'choose one version (rev) or give a combined record, not both' }),
  ),
  /**
   * Syncs with the team's CouchDB server through the replication protocol: pushes what the
   * server lacks, pulls what this workspace lacks. `server` is saved for next time (the
   * address only). Credentials are given per call, never stored by core.
   */
  'team.sync': method<SyncResult>()(
    z
      .object({
        server: z.string().min(1).max(2000).optional(),
        username: z.string().min(1).max(200).optional(),
        password: z.string().max(1000).optional(),
      })
      .strict(),
  ),
  /**
   * Keeps the sync name and password in the system keychain (Electron's safeStorage),
   * outside the workspace. Implemented by the desktop app only: core never stores them.
   */
  'team.saveSyncLogin': method<{ username: string }>()(z.object({ username: z.string().trim().min(1).max(200), password: z.string().min(1).max(1000) }).strict()),
  /** The name kept in the keychain for sync, never the password (the app only). */
  'team.syncLogin': method<{ username: string | null }>()(z.object({}).strict()),
  /** The configured server and how the last sync went (undefined when none is configured). */
  'team.syncSettings': method<SyncSettings | null>()(z.object({}).strict()),
  /**
   * Cohen's kappa between two coders over passages: a passage counts as coded with a topic
   * by a coder when any of that coder's quotes in it carries the topic (or, with
   * `includeSubtopics`, the topic or any topic below it). Per topic and overall.
   */
  'team.agreement': method<AgreementReport & { names: Record<string, string> }>()(
    z
      .object({
        topicIds: z.array(id).max(500).optional(),
        docIds: z.array(id).max(500).optional(),
        coders: z.tuple([userId, userId]).optional(),
        /** Count a quote carrying a subtopic of T as coded with T too. */
        includeSubtopics: z.boolean().optional(),
      })
      .strict(),
  ),
};
