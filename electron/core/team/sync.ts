import { randomBytes } from 'node:crypto';
import PouchDB, { type PouchDatabase } from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { WorkbenchError } from '../api/errors';
import { fromCouchRevisions, generation, toCouchRevisions, type AnyCollectionDefinition, type Workspace } from '../store';
import { applyReceived, type ReceivedCounts } from './apply-received';
import type { BundleLeaf, BundleRecord } from './bundle-format';
import type { DocumentFile, DocumentFilesFace } from '../import';
import { followNewerContent, type ReplacedDocument } from './newer-content';

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
  /** Imported documents whose files came from the server and were placed in this workspace. */
  documents: number;
  /** Documents on the server that were not taken in, and why (their files failed the checks); asked for again on the next sync. */
  refusedDocuments: Array<{ docId: string; problem: string }>;
  /** Documents already here whose files a newer version replaced (anonymised, corrected since). */
  replacedDocuments: ReplacedDocument[];
}

/** The imported documents: whose records they are, and their files (the import area's). */
export interface SyncLibrary {
  collection: string;
  files: DocumentFilesFace;
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
  /** An imported document's files, on its library record's live revisions. */
  _attachments?: Record<string, { content_type: string; data: Buffer }>;
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
export async function syncWithServer(workspace: Workspace, collections: readonly AnyCollectionDefinition[], library: SyncLibrary, server: URL, credentials?: SyncCredentials): Promise<SyncResult> {
  const database = workspace.identity.projectId;
  const databaseUrl = new URL(`${encodeURIComponent(database)}`, server.href.endsWith('/') ? server : new URL(`${server.href}/`));
  await checkServer(server, databaseUrl, credentials);

  const local = new PouchDB(`fw-sync-${randomBytes(6).toString('hex')}`, { adapter: 'memory' });
  const remote = new PouchDB(databaseUrl.href, { skip_setup: true, ...(credentials ? { auth: credentials } : {}) });
  try {
    const docs = await localDocs(workspace, collections, library);
    if (docs.length > 0) await local.bulkDocs(docs, { new_edits: false });
    const loaded = (await local.info()).update_seq;
    const pushed = await local.replicate.to(remote).catch((error: unknown) => {
      throw replicationError(server, error);
    });
    await local.replicate.from(remote).catch((error: unknown) => {
      throw replicationError(server, error);
    });
    const { records: pulled, files } = await receivedRecords(local, loaded, new Set(collections.map((definition) => definition.name)), library.collection);
    // A document comes in with its files or not at all: its record is left out until they pass.
    const { accepted, refused } = await checkDocuments(pulled, files, library);
    const records = pulled.filter((record) => !(record.collection === library.collection && refused.some((problem) => problem.docId === record.id)));
    const byName = new Map(collections.map((definition) => [definition.name, definition]));
    const counts = records.length === 0 ? { added: 0, updated: 0, unchanged: 0, conflicts: 0, conflicted: [] } : await workspace.transact((tx) => applyReceived(tx, byName, records));
    // After the records: files that fail to be written leave the document listed as damaged,
    // and its record is left out of the next sync's upload, so the files are asked for again.
    const placed: string[] = [];
    const present: string[] = [];
    for (const [docId, docFiles] of accepted) if (await library.files.place(docId, docFiles)) placed.push(docId);
    else present.push(docId);
    const definition = byName.get(library.collection);
    const replacedDocuments = definition ? await followNewerContent(present, (docId) => workspace.records(definition).entry(docId), (docId) => accepted.get(docId), library.files) : [];
    return {
      server: server.href,
      database,
      pushed: pushed.docs_written,
      ...counts,
      received: records.map((record) => ({ collection: record.collection, id: record.id })),
      documents: placed.length,
      refusedDocuments: refused,
      replacedDocuments,
    };
  } finally {
    await local.destroy().catch(() => undefined);
    await remote.close().catch(() => undefined);
  }
}

/**
 * Every leaf of every record, as CouchDB documents. A library record's live leaves carry
 * the document's files as attachments; a library record whose files are not here is left
 * out, so that the server's copy, with its files, comes back in on this sync.
 */
async function localDocs(workspace: Workspace, collections: readonly AnyCollectionDefinition[], library: SyncLibrary): Promise<SyncDoc[]> {
  const docs: SyncDoc[] = [];
  for (const definition of collections) {
    const records = workspace.records(definition);
    for (const change of workspace.changes(0, { collections: [definition.name] }).results) {
      const stored = records.entry(change.id);
      if (!stored) continue;
      let attachments: SyncDoc['_attachments'];
      if (definition.name === library.collection && [stored, ...(stored.conflicts ?? [])].some((leaf) => !leaf.deleted)) {
        const files = await library.files.read(change.id);
        if (!files) continue;
        attachments = Object.fromEntries(files.map((file) => [file.name, { content_type: 'application/octet-stream', data: Buffer.from(file.bytes) }]));
      }
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
          ...(attachments && !leaf.deleted ? { _attachments: attachments } : {}),
        });
      }
    }
  }
  return docs;
}

/** Every leaf of every document that changed after the store's own were loaded, and the files that came on library records. */
async function receivedRecords(local: PouchDatabase, since: number | string, known: ReadonlySet<string>, libraryCollection: string): Promise<{ records: BundleRecord[]; files: Map<string, DocumentFile[]> }> {
  const changes = await local.changes({ since, style: 'all_docs' });
  const records: BundleRecord[] = [];
  const files = new Map<string, DocumentFile[]>();
  for (const change of changes.results) {
    const split = change.id.indexOf(separator);
    const collection = change.id.slice(0, split);
    // Documents that are not ours (a design document, another program's) are left alone.
    if (split <= 0 || !known.has(collection)) continue;
    const isLibrary = collection === libraryCollection;
    const leaves = (await local.get(change.id, { open_revs: 'all', revs: true, ...(isLibrary ? { attachments: true, binary: true } : {}) })) as unknown as Array<{ ok?: ReceivedDoc }>;
    if (isLibrary) {
      // The live leaves carry the files of the version their sender held (each leaf may differ): the winner's, as CouchDB picks it.
      const attached = leaves
        .flatMap((found) => (found.ok && !found.ok._deleted && found.ok._attachments ? [found.ok] : []))
        .sort((a, b) => generation(b._rev) - generation(a._rev) || (b._rev > a._rev ? 1 : -1))[0]?._attachments;
      if (attached) files.set(change.id.slice(split + 1), Object.entries(attached).map(([name, attachment]) => ({ name, bytes: attachmentBytes(attachment.data) })));
    }
    const bundleLeaves: BundleLeaf[] = leaves.flatMap((found) => {
      const doc = found.ok;
      if (!doc || typeof doc.author !== 'string' || typeof doc.at !== 'string') return [];
      return [{ rev: doc._rev, revisions: fromCouchRevisions(doc._revisions), ...(doc._deleted ? { deleted: true as const } : {}), author: doc.author, at: doc.at, ...(doc._deleted ? {} : { record: doc.record }) }];
    });
    if (bundleLeaves.length > 0) records.push({ collection, id: change.id.slice(split + 1), leaves: bundleLeaves });
  }
  return { records, files };
}

type ReceivedDoc = Omit<SyncDoc, '_attachments'> & { _attachments?: Record<string, { data?: Buffer | string }> };

function attachmentBytes(data: Buffer | string | undefined): Uint8Array {
  if (data === undefined) return new Uint8Array();
  return typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'base64')) : new Uint8Array(data);
}

/**
 * Which received documents may come in: a library record whose newest live revision is new
 * here needs its files, checked by the import area (names, sizes, document.json, the
 * content the record names). A document already here needs them only when that revision
 * names content its folder does not hold (a colleague anonymised or corrected it); deleted
 * ones need none. A record whose files fail is left out, with why.
 */
async function checkDocuments(records: readonly BundleRecord[], files: ReadonlyMap<string, DocumentFile[]>, library: SyncLibrary) {
  const accepted = new Map<string, DocumentFile[]>();
  const refused: Array<{ docId: string; problem: string }> = [];
  for (const record of records) {
    if (record.collection !== library.collection) continue;
    const live = [...record.leaves].filter((leaf) => !leaf.deleted).sort((a, b) => generation(b.rev) - generation(a.rev) || (b.rev > a.rev ? 1 : -1))[0];
    if (!live) continue;
    if ((await library.files.present(record.id)) && (await library.files.holds(record.id, live.record))) continue;
    const received = files.get(record.id) ?? [];
    const problem = library.files.problem(record.id, live.record, received);
    if (problem) refused.push({ docId: record.id, problem: `The document ${record.id} was not taken in: ${problem}. Ask whoever imported it to sync again; everything else was synced.` });
    else accepted.set(record.id, received);
  }
  return { accepted, refused };
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
      `The server refused ${credentials ? `the name “${credentials.username}” and its password` : 'to let you in without a name and password'} (HTTP ${answer.status}). Check them (in the app under Team → Sync; in the CLI --login and --password-file, or WORKBENCH_SYNC_USER and WORKBENCH_SYNC_PASSWORD), then sync again; nothing was changed.`,
      // The app words it for its own form.
      { reason: 'credentials', status: answer.status, ...(credentials ? { username: credentials.username } : {}) },
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
