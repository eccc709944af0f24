import { z } from 'zod';
import { method } from '../method';
import type { StoreNotice } from '../../store/notices';

export interface AppInfo {
  name: string;
  version: string;
  workspace: string;
  readOnly: boolean;
  schemaVersions: Record<string, number>;
  corpusSchemaVersion: number;
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
  };
}

export const appMethods = {
  'app.info': method<AppInfo>()(z.object({}).strict()),
  /** What the store had to do on open that the user must know (recovered files, migrations). */
  'app.notices': method<StoreNotice[]>()(z.object({}).strict()),
  /**
   * Opens an http(s) link in the system browser. Implemented by the Electron shell only
   * (core never opens anything); the renderer asks the user first.
   */
  'app.openExternal': method<{ opened: boolean }>()(
    z.object({ url: z.url({ protocol: /^https?$/ }) }).strict(),
  ),
};
