import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { backupText, listBackups } from './backups';
import { loadSnapshot, readSnapshotSource, type LoadContext, type LoadedSnapshot, type SnapshotSource } from './collection-loader';
import type { CollectionState } from './collection-state';
import { compactCollection } from './compaction';
import { copyFileDurably, statIfExists, timestampForFileName, writeFileDurably } from './durable-file';
import { identityPath, interpretIdentityText, newIdentity, readIdentity, serializeIdentity, type WorkspaceUser } from './identity';
import { applyLines, takeJournal, type FreshLine } from './journal-replay';
import { readJournalFrom, type JournalRead } from './journal-io';
import { notice } from './notices';
import type { StoreState } from './store-state';

/**
 * Opening a workspace: identity, snapshots (migrated, converted from round 1, or restored
 * from backups as needed) and journals. A writable open (holding the lock) then persists
 * what it restored, converted or repaired; a read-only open changes nothing on disk.
 */
export async function loadWorkspace(store: StoreState, options: { readOnly: boolean; actAs?: WorkspaceUser }): Promise<void> {
  const repair = !options.readOnly;
  const identity = await readIdentity(store.dir);
  // Journals are read before snapshots: a compaction running meanwhile replaces the
  // snapshot first, and its lines at or below the snapshot's sequence are skipped.
  const journals = new Map<CollectionState, JournalRead | undefined>();
  const sources = new Map<CollectionState, SnapshotSource>();
  for (const state of store.states.values()) {
    journals.set(state, await readJournalFrom(state.journalPath, 0));
    sources.set(state, await readSnapshotSource(state.definition, store.dir));
  }
  for (const state of store.states.values()) {
    const source = sources.get(state)!;
    if (source.kind === 'snapshot') store.seq = Math.max(store.seq, source.snapshot.seq);
    for (const placed of journals.get(state)?.parsed.lines ?? []) store.seq = Math.max(store.seq, placed.line.seq);
  }

  const projectIds = [...sources.values()].flatMap((source) => (source.kind === 'snapshot' && source.snapshot.projectId ? [source.snapshot.projectId] : []));
  const identityRepair = resolveIdentity(store, identity.kind === 'ok' ? identity : await identityFromBackups(store.dir, identity), projectIds[0]);

  const context: LoadContext = {
    workspaceDir: store.dir,
    notify: (raised) => store.notices.push(raised),
    author: (options.actAs ?? store.identity.user).id,
    at: new Date().toISOString(),
    nextSeq: () => ++store.seq,
  };
  const loaded = new Map<CollectionState, LoadedSnapshot<{ id: string }>>();
  for (const state of store.states.values()) {
    const snapshot = await loadSnapshot(state.definition, sources.get(state)!, context);
    loaded.set(state, snapshot);
    state.replaceAll(snapshot.records);
    state.quarantined = snapshot.quarantined;
    state.snapshotSeq = snapshot.seq;
    state.snapshotVersion = snapshot.version;
    state.snapshotBytes = snapshot.bytes;
  }

  const fresh: FreshLine[] = [];
  for (const state of store.states.values()) fresh.push(...(await takeJournal(store, state, journals.get(state), repair)));
  applyLines(store, fresh, repair);
  await store.runDeferred();
  store.feed.reset([...store.states.values()].flatMap((state) => [...state.records.entries()].map(([id, stored]) => ({ seq: stored.seq, collection: state.name, id }))));

  if (repair) await persistLoad(store, loaded, identityRepair);
  const converted = [...loaded.values()].filter((snapshot) => snapshot.rewrite === 'converted');
  if (converted.length > 0) {
    const files = [...new Set(converted.map((snapshot) => snapshot.legacyFile))].join(', ');
    store.notices.push(
      notice(
        'migrated',
        'workspace',
        repair
          ? `This workspace was upgraded from round-1 files (${files}) to journaled collections; the old files are kept in backups/.`
          : `This workspace has round-1 files (${files}); they were read as they are and will be upgraded the next time it is opened for writing.`,
      ),
    );
  }
}

/** A missing or damaged workspace.json: the newest backup that reads well stands in for it. */
async function identityFromBackups(dir: string, read: Awaited<ReturnType<typeof readIdentity>>): Promise<Awaited<ReturnType<typeof readIdentity>> & { restoredFrom?: string }> {
  for (const backup of await listBackups(dir, 'workspace')) {
    const text = await backup.read().catch(() => undefined);
    if (text === undefined) continue;
    const candidate = interpretIdentityText(text);
    if (candidate.kind === 'ok') return { ...candidate, restoredFrom: backup.path, ...(read.kind === 'damaged' ? { damagedText: read.text, reason: read.reason } : {}) };
  }
  return read;
}

interface IdentityRepair {
  write: boolean;
  damagedText?: string;
}

function resolveIdentity(
  store: StoreState,
  read: Awaited<ReturnType<typeof readIdentity>> & { restoredFrom?: string; damagedText?: string; reason?: string },
  projectIdFromSnapshot: string | undefined,
): IdentityRepair {
  if (read.kind === 'ok') {
    store.identity = read.identity;
    if (!read.restoredFrom) return { write: false };
    store.notices.push(
      notice('identity-restored', 'workspace', `workspace.json was ${read.reason ? `damaged (${read.reason})` : 'missing'}; it was restored from the backup ${read.restoredFrom}.`, { restoredFrom: read.restoredFrom }),
    );
    return { write: true, ...(read.damagedText === undefined ? {} : { damagedText: read.damagedText }) };
  }
  store.identity = newIdentity(undefined, projectIdFromSnapshot);
  if (read.kind === 'missing') {
    if (projectIdFromSnapshot) {
      store.notices.push(notice('identity-restored', 'workspace', `workspace.json was missing; the project id ${projectIdFromSnapshot} was recovered from a snapshot.`));
    }
    return { write: true };
  }
  store.notices.push(
    notice(
      'identity-restored',
      'workspace',
      `workspace.json was damaged (${read.reason}); ${projectIdFromSnapshot ? 'the project id was recovered from a snapshot' : 'a new project id was made'} and the current user reset to ${store.identity.user.name}.`,
    ),
  );
  return { write: true, ...(read.text === undefined ? {} : { damagedText: read.text }) };
}

/** After a writable load: upgraded, restored or new collections get their snapshot now; round-1 files are backed up first. */
async function persistLoad(store: StoreState, loaded: Map<CollectionState, LoadedSnapshot<{ id: string }>>, identityRepair: IdentityRepair): Promise<void> {
  const stamp = timestampForFileName();
  const legacyFiles = new Set([...loaded.values()].flatMap((snapshot) => (snapshot.legacyFile ? [snapshot.legacyFile] : [])));
  const snapshotFiles = new Set([...store.states.values()].map((state) => `${state.name}.json`));
  const legacyBackup = join(store.dir, 'backups', `round-1-${stamp}`);
  if (legacyFiles.size > 0) {
    // Round-1 files a snapshot will replace are copied first; the others move there once read.
    await mkdir(legacyBackup, { recursive: true });
    for (const file of legacyFiles) if (snapshotFiles.has(file)) await copyFileDurably(join(store.dir, file), join(legacyBackup, file));
  }
  if (identityRepair.damagedText !== undefined) await writeFileDurably(join(store.dir, `workspace.corrupt-${stamp}.json`), identityRepair.damagedText);
  if (identityRepair.write) await writeIdentity(store);
  for (const [state, snapshot] of loaded) {
    if (!snapshot.rewrite) continue;
    if (snapshot.damagedText !== undefined) {
      // The damaged bytes are kept beside it; the restored snapshot then replaces the file atomically.
      const movedTo = join(store.dir, `${state.name}.corrupt-${stamp}.json`);
      await writeFileDurably(movedTo, snapshot.damagedText);
      const raised = store.notices.find((candidate) => candidate.collection === state.name && (candidate.kind === 'recovered-from-backup' || candidate.kind === 'reset-without-backup'));
      if (raised) {
        raised.movedTo = movedTo;
        raised.message += ` The damaged file is kept as ${movedTo}.`;
      }
    }
    await compactCollection(store, state);
  }
  // A round-1 file no collection is named after (settings.json) is done with once every
  // collection drawing on it has its own snapshot: it moves into the backup.
  const sharedLegacy = new Set([...store.states.values()].flatMap((state) => (state.definition.legacy && !snapshotFiles.has(state.definition.legacy.file) ? [state.definition.legacy.file] : [])));
  for (const file of sharedLegacy) {
    if (!(await statIfExists(join(store.dir, file)))) continue;
    await mkdir(legacyBackup, { recursive: true });
    await rename(join(store.dir, file), join(legacyBackup, file));
  }
}

export async function writeIdentity(store: StoreState): Promise<void> {
  const text = serializeIdentity(store.identity);
  await writeFileDurably(identityPath(store.dir), text);
  await backupText(store.dir, 'workspace', text);
}
