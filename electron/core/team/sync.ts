import { randomBytes } from 'node:crypto';
import PouchDB, { type PouchDatabase } from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { WorkbenchError } from '../api/errors';
import { fromCouchRevisions, toCouchRevisions, type AnyCollectionDefinition, type Workspace } from '../store';
import { applyReceived, type ReceivedCounts } from './apply-received';
import type { BundleLeaf, BundleRecord } from './bundle-format';

PouchDB.plugin(httpAdapter).plugin(memoryAdapter).plugin(replication);

export interface SyncCredentials {
  username: string;
  password: string;
}

export interface SyncResult extends ReceivedCounts {
  server: string;
  database: string;
  /** Revisions the server did not have. */
  pushed: number;
  /** The records that came from the server. */
  received: Array<{ collection: string; id: string }>;
}

/** A record as a CouchDB document: `<collection>:<id>`, the revision's author and time in the body. */
interface SyncDoc {
  _id: string;
  _rev: string;
  _revisions: { start: number; ids: string[] };
  _deleted?: boolean;
  collection: string;
  author: string;
  at: string;
  record?: unknown;
}

const separator = ':';

/**
 * Syncs the workspace with a CouchDB server through CouchDB's replication protocol, with
 * PouchDB as the client: the project's database (named by its project id) gets every
 * revision this workspace has and it does not, then this workspace gets the server's.
 * The bridge is a PouchDB in memory, filled from the store with the revisions as they are
 * (`new_edits: false`), so revisions are identical on every side. What is written offline
 * simply goes out on the next sync. Only called when the user asks.
 */
export async function syncWithServer(workspace: Workspace, collections: readonly AnyCollectionDefinition[], server: URL, credentials?: SyncCredentials): Promise<SyncResult> {
  const database = workspace.identity.projectId;
  const databaseUrl = new URL(`${encodeURIComponent(database)}`, server.href.endsWith('/') ? server : new URL(`${server.href}/`));
  await checkServer(server, databaseUrl, credentials);

  const local = new PouchDB(`fw-sync-${randomBytes(6).toString('hex')}`, { adapter: 'memory' });
  const remote = new PouchDB(databaseUrl.href, { skip_setup: true, ...(credentials ? { auth: credentials } : {}) });
  try {
    const docs = localDocs(workspace, collections);
    if (docs.length > 0) await local.bulkDocs(docs, { new_edits: false });
    const loaded = (await local.info()).update_seq;
    const pushed = await local.replicate.to(remote).catch((error: unknown) => {
      throw replicationError(server, error);
    });
    await local.replicate.from(remote).catch((error: unknown) => {
      throw replicationError(server, error);
    });
    const records = await receivedRecords(local, loaded, new Set(collections.map((definition) => definition.name)));
    const byName = new Map(collections.map((definition) => [definition.name, definition]));
    const counts = records.length === 0 ? { added: 0, updated: 0, unchanged: 0, conflicts: 0, conflicted: [] } : await workspace.transact((tx) => applyReceived(tx, byName, records));
    return { server: server.href, database, pushed: pushed.docs_written, ...counts, received: records.map((record) => ({ collection: record.collection, id: record.id })) };
  } finally {
    await local.destroy().catch(() => undefined);
    await remote.close().catch(() => undefined);
  }
}

function localDocs(workspace: Workspace, collections: readonly AnyCollectionDefinition[]): SyncDoc[] {
  const docs: SyncDoc[] = [];
  for (const definition of collections) {
    const records = workspace.records(definition);
    for (const change of workspace.changes(0, { collections: [definition.name] }).results) {
      const stored = records.entry(change.id);
      if (!stored) continue;
      for (const leaf of [stored, ...(stored.conflicts ?? [])]) {
        docs.push({
          _id: `${definition.name}${separator}${change.id}`,
          _rev: leaf.rev,
          _revisions: toCouchRevisions(leaf.revisions),
          ...(leaf.deleted ? { _deleted: true } : {}),
          collection: definition.name,
          author: leaf.author,
          at: leaf.at,
          ...(leaf.record === undefined ? {} : { record: leaf.record }),
        });
      }
    }
  }
  return docs;
}

/** Every leaf of every document that changed after the store's own were loaded. */
async function receivedRecords(local: PouchDatabase, since: number | string, known: ReadonlySet<string>): Promise<BundleRecord[]> {
  const changes = await local.changes({ since, style: 'all_docs' });
  const records: BundleRecord[] = [];
  for (const change of changes.results) {
    const split = change.id.indexOf(separator);
    const collection = change.id.slice(0, split);
    // Documents that are not ours (a design document, another program's) are left alone.
    if (split <= 0 || !known.has(collection)) continue;
    const leaves = (await local.get(change.id, { open_revs: 'all', revs: true })) as Array<{ ok?: SyncDoc }>;
    const bundleLeaves: BundleLeaf[] = leaves.flatMap((found) => {
      const doc = found.ok;
      if (!doc || typeof doc.author !== 'string' || typeof doc.at !== 'string') return [];
      return [{ rev: doc._rev, revisions: fromCouchRevisions(doc._revisions), ...(doc._deleted ? { deleted: true as const } : {}), author: doc.author, at: doc.at, ...(doc._deleted ? {} : { record: doc.record }) }];
    });
    if (bundleLeaves.length > 0) records.push({ collection, id: change.id.slice(split + 1), leaves: bundleLeaves });
  }
  return records;
}

/** Is it up, is it CouchDB, do the name and password open the project's database? Asked before anything moves. */
async function checkServer(server: URL, databaseUrl: URL, credentials?: SyncCredentials): Promise<void> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (credentials) headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const ask = (url: URL) =>
    fetch(url, { headers, signal: AbortSignal.timeout(15_000) }).catch((error: Error) => {
      const cause = (error.cause as NodeJS.ErrnoException | undefined)?.code ?? error.name;
      throw new WorkbenchError('IO', `The server at ${server.href} could not be reached (${cause}). Check the address and your connection, then sync again; nothing was changed.`);
    });
  const root = await ask(server);
  // Apache CouchDB says {"couchdb": "Welcome"}; PouchDB Server (the tests' CouchDB) {"express-pouchdb": "Welcome!"}.
  const welcome = (await root.json().catch(() => undefined)) as { couchdb?: unknown; 'express-pouchdb'?: unknown } | undefined;
  if (root.status !== 401 && (!welcome || (typeof welcome.couchdb !== 'string' && typeof welcome['express-pouchdb'] !== 'string'))) {
    throw new WorkbenchError('UNSUPPORTED', `${server.href} answered, but it is not a CouchDB server (HTTP ${root.status}). Give the address of the team's CouchDB; nothing was changed.`);
  }
  const answer = await ask(databaseUrl);
  if (answer.status === 401 || answer.status === 403) {
    throw new WorkbenchError(
      'FORBIDDEN',
      `The server refused ${credentials ? `the name “${credentials.username}” and its password` : 'to let you in without a name and password'} (HTTP ${answer.status}). Check them (--login and --password-file, or WORKBENCH_SYNC_USER and WORKBENCH_SYNC_PASSWORD); nothing was changed.`,
    );
  }
  if (answer.status === 404) {
    throw new WorkbenchError('NOT_FOUND', `The server has no database for this project (${decodeURIComponent(databaseUrl.pathname.split('/').pop() ?? '')}). Ask whoever runs it to create it (README: “Sync through CouchDB”); nothing was changed.`);
  }
  if (!answer.ok) throw new WorkbenchError('IO', `The server answered HTTP ${answer.status} for the project's database; nothing was changed.`);
}

function replicationError(server: URL, error: unknown): WorkbenchError {
  const detail = error instanceof Error ? error.message : typeof error === 'object' && error !== null ? JSON.stringify(error) : String(error);
  return new WorkbenchError('IO', `Syncing with ${server.href} stopped part way (${detail}). Nothing was changed here; sync again when the server is back.`);
}
