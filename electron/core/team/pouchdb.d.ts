/**
 * The few parts of PouchDB the sync uses, typed here: DefinitelyTyped's @types/pouchdb-core
 * pulls `lib="dom"` typings that change Node's Buffer types for the whole project.
 */
declare module 'pouchdb-core' {
  interface Revisions {
    start: number;
    ids: string[];
  }
  interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
  }
  interface Replicate {
    to(target: PouchDatabase): Promise<ReplicationResult>;
    from(source: PouchDatabase): Promise<ReplicationResult>;
  }
  interface ChangesResult {
    results: Array<{ id: string; seq: number | string; changes: Array<{ rev: string }>; deleted?: boolean }>;
    last_seq: number | string;
  }
  export interface PouchDatabase {
    bulkDocs(docs: unknown[], options?: { new_edits?: boolean }): Promise<unknown[]>;
    info(): Promise<{ update_seq: number | string; doc_count: number }>;
    changes(options: { since: number | string; style?: 'all_docs' | 'main_only'; limit?: number }): Promise<ChangesResult>;
    get(
      id: string,
      options: { open_revs: 'all'; revs: true; attachments?: boolean; binary?: boolean },
    ): Promise<Array<{ ok?: Record<string, unknown> & { _id: string; _rev: string; _revisions: Revisions; _deleted?: boolean; _attachments?: Record<string, { data?: Buffer | string; content_type?: string }> } }>>;
    replicate: Replicate;
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
  }
  interface PouchConstructor {
    new (name: string, options?: { adapter?: string; skip_setup?: boolean; auth?: { username: string; password: string } }): PouchDatabase;
    plugin(plugin: unknown): PouchConstructor;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
