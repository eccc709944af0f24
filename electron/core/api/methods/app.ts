import { z } from 'zod';
import { method } from '../method';
import type { StoreNotice } from '../../store/notices';
import type { WorkspaceIdentity, WorkspaceUser } from '../../store/identity';

export interface AppInfo {
  name: string;
  version: string;
  workspace: string;
  readOnly: boolean;
  schemaVersions: Record<string, number>;
  corpusSchemaVersion: number;
  /** The project this workspace belongs to, and who writes here. */
  projectId: string;
  user: WorkspaceUser;
  counts: {
    documents: number;
    bundledDocuments: number;
    importedDocuments: number;
    passages: number;
    footnotes: number;
    entities: number;
    recommendations: number;
    annotations: number;
    topics: number;
    drafts: number;
    references: number;
  };
}

export const appMethods = {
  'app.info': method<AppInfo>()(z.object({}).strict()),
  /** What the store had to do that the user must know (recovered files, migrations, set-aside damage). */
  'app.notices': method<StoreNotice[]>()(z.object({}).strict()),
  /** The workspace's project id and current user. */
  'app.identity': method<WorkspaceIdentity & { actingAs: WorkspaceUser }>()(z.object({}).strict()),
  /** Makes someone the workspace's current user: the author of everything written from now on. */
  'app.setUser': method<WorkspaceUser>()(
    z
      .object({
        name: z.string().trim().min(1, 'a user needs a name').max(200),
        id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a user id is lower case letters, digits and dashes').optional(),
      })
      .strict(),
  ),
  /**
   * Opens an http(s) link in the system browser. Implemented by the Electron shell only
   * (core never opens anything); the renderer asks the user first.
   */
  'app.openExternal': method<{ opened: boolean }>()(
    z.object({ url: z.url({ protocol: /^https?$/ }) }).strict(),
  ),
};

/** A notice raised after start (a repair made while catching up with another writer). */
declare module '../contract' {
  interface EventPayloads {
    'app.notice': StoreNotice;
  }
}
