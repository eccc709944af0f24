import { randomBytes } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../api/errors';
import { backupFile, backupText } from './backups';
import type { AnyCollectionDefinition, CollectionDefinition } from './collection-definition';
import { loadSnapshot, readSnapshotSource, validateRecord, type LoadContext, type LoadedSnapshot, type SnapshotSource } from './collection-loader';
import { CollectionState, type ChangeOrigin, type RecordChange, type RecordSet } from './collection-state';
import { ChangeFeed } from './change-feed';
import { AppendFile, copyFileDurably, statIfExists, timestampForFileName, writeFileDurably } from './durable-file';
import { identityPath, newIdentity, readIdentity, serializeIdentity, userIdFor, WorkspaceUserSchema, type WorkspaceIdentity, type WorkspaceUser } from './identity';
import { lineAncestry, serializeLines, type JournalLine, type PlacedLine } from './journal-format';
import { cutJournalTail, readJournalFrom, removeJournalRanges, truncateJournal, type JournalRead } from './journal-io';
import { liveLockHolder, WorkspaceLock, type LockInfo } from './lock';
import { notice, type StoreNotice } from './notices';
import { applyRevision, knowsRevision, type ApplyOutcome, type IncomingRevision, type StoredRecord } from './revisions';
import { writeSnapshot } from './snapshot';
import { Transaction, type RevisionInput } from './transaction';

export interface OpenWorkspaceOptions {
  /** Every collection of the workspace (each area declares its own). */
  collections: readonly AnyCollectionDefinition[];
  /** Who writes, shown to another writer that has to wait: "the Field Workbench app", "the workbench CLI". */
  holder: string;
  /** Read-only opens take no lock and never write, rename or move anything. */
  readOnly?: boolean;
  /** How long a write waits for another writer before failing with LOCKED (default 30 s). */
  lockWaitMs?: number;
  onLockWait?: (holder: LockInfo) => void;
  /** Notice what other processes append (the app does, so the CLI's writes show up). */
  watch?: boolean;
  /** Write as this user rather than the workspace's current one (the CLI's --user). */
  actAs?: WorkspaceUser;
  compaction?: Partial<CompactionPolicy>;
}

/** When journals are folded into snapshots. */
export interface CompactionPolicy {
  /** A journal is compacted once larger than this and than `snapshotRatio` of its snapshot. */
  minJournalBytes: number;
  snapshotRatio: number;
  /** At idle and at close, a journal with anything in it is compacted if its snapshot is this small. */
  smallSnapshotBytes: number;
  idleMs: number;
}

const defaultCompaction: CompactionPolicy = { minJournalBytes: 256 * 1024, snapshotRatio: 1 / 8, smallSnapshotBytes: 1024 * 1024, idleMs: 30_000 };

/** One entry of `changes`: a record's latest change. */
export interface ChangeResult {
  seq: number;
  collection: string;
  id: string;
  rev: string;
  deleted: boolean;
}

export interface ChangesOptions {
  collections?: readonly string[];
  limit?: number;
}

export interface WorkspaceChangeBatch {
  origin: ChangeOrigin;
  changes: RecordChange[];
}

interface QueuedTransaction {
  run: (transaction: Transaction) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface FreshLine extends PlacedLine {
  state: CollectionState;
}

/**
 * A workspace folder. Each collection is a snapshot plus an append-only journal; a write
 * appends one line per changed record and fsyncs before it resolves, holding the lock only
 * for that batch. See docs/architecture.md, "Storage", for the formats and the guarantees.
 */
export class Workspace {
  readonly notices: StoreNotice[] = [];
  private readonly states = new Map<string, CollectionState>();
  private readonly feed = new ChangeFeed();
  private readonly listeners = new Set<(batch: WorkspaceChangeBatch) => void>();
  private readonly noticeListeners = new Set<(notice: StoreNotice) => void>();
  private readonly lock: WorkspaceLock;
  private readonly policy: CompactionPolicy;
  private seq = 0;
  /** Reads and writes of the files, one at a time. */
  private io: Promise<unknown> = Promise.resolve();
  private queue: QueuedTransaction[] = [];
  private flushScheduled = false;
  private identityValue: WorkspaceIdentity = newIdentity();
  private watcher: FSWatcher | undefined;
  private timers: NodeJS.Timeout[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private reportedTails = new Set<string>();
  /** Repairs found while applying lines (a synchronous step), run before the lock is released. */
  private deferred: Array<() => Promise<void>> = [];
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly readOnly: boolean,
    private readonly options: OpenWorkspaceOptions,
  ) {
    this.lock = new WorkspaceLock(dir, options.holder);
    this.policy = { ...defaultCompaction, ...options.compaction };
    for (const definition of options.collections) {
      if (this.states.has(definition.name)) throw new Error(`Two collections are called ${definition.name}.`);
      this.states.set(definition.name, new CollectionState(definition, dir));
    }
  }

  static async open(dir: string, options: OpenWorkspaceOptions): Promise<Workspace> {
    const readOnly = options.readOnly ?? false;
    const exists = await ensureDirectory(dir, !readOnly);
    const workspace = new Workspace(dir, readOnly, options);
    if (!exists) return workspace;
    const lease = readOnly ? undefined : await workspace.lock.acquire(workspace.lockOptions());
    try {
      await workspace.load();
    } finally {
      lease?.release();
    }
    if (options.watch) workspace.startWatching();
    return workspace;
  }

  // --- reading ---------------------------------------------------------------------

  /** The records of one collection, typed by its definition. */
  records<T extends { id: string }>(definition: CollectionDefinition<T>): RecordSet<T> {
    return this.state(definition);
  }

  get identity(): WorkspaceIdentity {
    return this.identityValue;
  }

  /** Who writes: the `author` of every record written by this process. */
  get user(): WorkspaceUser {
    return this.options.actAs ?? this.identityValue.user;
  }

  get schemaVersions(): Record<string, number> {
    return Object.fromEntries([...this.states.values()].map((state) => [state.name, state.definition.version]));
  }

  /** The latest sequence number: everything up to it has been read or written. */
  get lastSeq(): number {
    return this.seq;
  }

  /**
   * Every record's latest change after `since`, in order (CouchDB's `_changes`). `lastSeq`
   * is where to continue from: the last result's when `limit` cut the list, else the
   * workspace's latest.
   */
  changes(since: number, options: ChangesOptions = {}): { results: ChangeResult[]; lastSeq: number } {
    const wanted = options.collections ? new Set(options.collections) : undefined;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const results: ChangeResult[] = [];
    for (const entry of this.feed.after(since)) {
      if (wanted && !wanted.has(entry.collection)) continue;
      const stored = this.states.get(entry.collection)?.entry(entry.id);
      if (!stored) continue;
      results.push({ seq: entry.seq, collection: entry.collection, id: entry.id, rev: stored.rev, deleted: Boolean(stored.deleted) });
      if (results.length >= limit) return { results, lastSeq: entry.seq };
    }
    return { results, lastSeq: Math.max(since, this.seq) };
  }

  /** Which of these revisions this workspace does not have (CouchDB's `_revs_diff`), per record id. */
  revsDiff<T extends { id: string }>(definition: CollectionDefinition<T>, revisions: Record<string, readonly string[]>): Record<string, { missing: string[] }> {
    const state = this.state(definition);
    const answer: Record<string, { missing: string[] }> = {};
    for (const [id, revs] of Object.entries(revisions)) {
      const missing = revs.filter((rev) => !knowsRevision(state.entry(id), rev));
      if (missing.length > 0) answer[id] = { missing };
    }
    return answer;
  }

  /** Every batch of changes, local or external, once applied. */
  subscribe(listener: (batch: WorkspaceChangeBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records a repair an area made to its own files (a damaged imported document), told like the store's. */
  report(raised: StoreNotice): void {
    this.raise(raised);
  }

  /** Notices raised after the open (a repair made while catching up with another writer). */
  onNotice(listener: (notice: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  // --- writing ---------------------------------------------------------------------

  /**
   * Runs `change` under the workspace lock, after catching up with what other writers
   * appended, and writes what it staged as one batch. Resolves with its result once the
   * batch is on disk; rejects (writing nothing) if it throws. Calls made in the same turn of
   * the event loop share one lock, one append and one fsync per journal.
   * `change` must be synchronous: it runs while the lock is held.
   */
  transact<R>(change: (transaction: Transaction) => R): Promise<R> {
    if (this.readOnly) return Promise.reject(readOnlyError(this.dir));
    if (this.closed) return Promise.reject(new WorkbenchError('IO', 'The workspace is closed.'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ run: change, resolve: resolve as (value: unknown) => void, reject });
      this.scheduleFlush();
    });
  }

  putRevision<T extends { id: string }>(definition: CollectionDefinition<T>, input: RevisionInput<T>): Promise<ApplyOutcome> {
    return this.transact((transaction) => transaction.putRevision(definition, input));
  }

  resolveConflict<T extends { id: string }>(definition: CollectionDefinition<T>, id: string, chosen: T): Promise<string> {
    return this.transact((transaction) => transaction.resolveConflict(definition, id, chosen));
  }

  /** Makes `user` the workspace's current user (the author of what is written from now on). */
  async setUser(input: { name: string; id?: string }): Promise<WorkspaceUser> {
    if (this.readOnly) throw readOnlyError(this.dir);
    const user = WorkspaceUserSchema.parse({ id: input.id ?? this.identityValue.user.id ?? userIdFor(input.name), name: input.name.trim() });
    await this.withLock(async () => {
      this.identityValue = { ...this.identityValue, user };
      await this.writeIdentity();
    });
    return user;
  }

  /** Reads what other processes appended since the last look, and tells subscribers. */
  refresh(): Promise<void> {
    return this.enqueue(async () => {
      const changes = await this.catchUp(false);
      this.emit(changes, 'external');
    });
  }

  /** Folds journals into snapshots now (all of them, or the named collections). */
  compact(names?: readonly string[]): Promise<void> {
    if (this.readOnly) return Promise.reject(readOnlyError(this.dir));
    const chosen = [...this.states.values()].filter((state) => !names || names.includes(state.name));
    return this.withLock(async () => {
      for (const state of chosen) await this.compactCollection(state);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.stopWatching();
    await this.drain();
    this.closed = true;
    if (!this.readOnly) {
      const due = [...this.states.values()].filter((state) => this.compactionDue(state, 'close'));
      if (due.length > 0) {
        // At close a busy workspace is left as it is: the journal is complete without it.
        await this.withLock(async () => {
          for (const state of due) if (this.compactionDue(state, 'close')) await this.compactCollection(state);
        }, 2000).catch(() => undefined);
      }
    }
    await this.io.catch(() => undefined);
    for (const state of this.states.values()) {
      await state.appendFile?.close().catch(() => undefined);
      state.appendFile = undefined;
    }
  }

  // --- loading ---------------------------------------------------------------------

  private async load(): Promise<void> {
    const repair = !this.readOnly;
    const identity = await readIdentity(this.dir);
    // Journals are read before snapshots: a compaction running meanwhile replaces the
    // snapshot first, and its lines at or below the snapshot's sequence are skipped.
    const journals = new Map<CollectionState, JournalRead | undefined>();
    const sources = new Map<CollectionState, SnapshotSource>();
    for (const state of this.states.values()) {
      journals.set(state, await readJournalFrom(state.journalPath, 0));
      sources.set(state, await readSnapshotSource(state.definition, this.dir));
    }
    let highest = 0;
    for (const state of this.states.values()) {
      const source = sources.get(state)!;
      if (source.kind === 'snapshot') highest = Math.max(highest, source.snapshot.seq);
      for (const placed of journals.get(state)?.parsed.lines ?? []) highest = Math.max(highest, placed.line.seq);
    }
    this.seq = highest;

    const projectIds = [...sources.values()].flatMap((source) => (source.kind === 'snapshot' && source.snapshot.projectId ? [source.snapshot.projectId] : []));
    const identityRepair = this.resolveIdentity(identity, projectIds[0]);

    const context: LoadContext = {
      workspaceDir: this.dir,
      notify: (raised) => this.notices.push(raised),
      author: this.user.id,
      at: new Date().toISOString(),
      nextSeq: () => ++this.seq,
    };
    const loaded = new Map<CollectionState, LoadedSnapshot<{ id: string }>>();
    for (const state of this.states.values()) {
      const snapshot = await loadSnapshot(state.definition, sources.get(state)!, context);
      loaded.set(state, snapshot);
      state.replaceAll(snapshot.records);
      state.quarantined = snapshot.quarantined;
      state.snapshotSeq = snapshot.seq;
      state.snapshotVersion = snapshot.version;
      state.snapshotBytes = snapshot.bytes;
    }

    const fresh: FreshLine[] = [];
    for (const state of this.states.values()) fresh.push(...(await this.takeJournal(state, journals.get(state), repair)));
    this.applyLines(fresh, repair, await this.incompleteRepairer(repair));
    await this.runDeferred();
    this.feed.reset([...this.states.values()].flatMap((state) => [...state.records.entries()].map(([id, stored]) => ({ seq: stored.seq, collection: state.name, id }))));

    if (repair) await this.persistLoad(loaded, identityRepair);
    const converted = [...loaded.values()].filter((snapshot) => snapshot.rewrite === 'converted');
    if (converted.length > 0) {
      const files = [...new Set(converted.map((snapshot) => snapshot.legacyFile))].join(', ');
      this.notices.push(
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

  private resolveIdentity(read: Awaited<ReturnType<typeof readIdentity>>, projectIdFromSnapshot: string | undefined): { write: boolean; damagedText?: string } {
    if (read.kind === 'ok') {
      this.identityValue = read.identity;
      return { write: false };
    }
    this.identityValue = newIdentity(undefined, projectIdFromSnapshot);
    if (read.kind === 'missing') {
      if (projectIdFromSnapshot) {
        this.notices.push(notice('identity-restored', 'workspace', `workspace.json was missing; the project id ${projectIdFromSnapshot} was recovered from a snapshot.`));
      }
      return { write: true };
    }
    this.notices.push(
      notice(
        'identity-restored',
        'workspace',
        `workspace.json was damaged (${read.reason}); ${projectIdFromSnapshot ? `the project id was recovered from a snapshot` : 'a new project id was made'} and the current user reset to ${this.identityValue.user.name}.`,
      ),
    );
    return { write: true, ...(read.text === undefined ? {} : { damagedText: read.text }) };
  }

  /** After a writable load: upgraded, restored or new collections get their snapshot now; round-1 files are backed up first. */
  private async persistLoad(loaded: Map<CollectionState, LoadedSnapshot<{ id: string }>>, identityRepair: { write: boolean; damagedText?: string }): Promise<void> {
    const stamp = timestampForFileName();
    const legacyFiles = new Set([...loaded.values()].flatMap((snapshot) => (snapshot.legacyFile ? [snapshot.legacyFile] : [])));
    const snapshotFiles = new Set([...this.states.values()].map((state) => `${state.name}.json`));
    const legacyBackup = join(this.dir, 'backups', `round-1-${stamp}`);
    if (legacyFiles.size > 0) {
      // Round-1 files a snapshot will replace are copied first; the others move there once read.
      await mkdir(legacyBackup, { recursive: true });
      for (const file of legacyFiles) if (snapshotFiles.has(file)) await copyFileDurably(join(this.dir, file), join(legacyBackup, file));
    }
    if (identityRepair.damagedText !== undefined) await writeFileDurably(join(this.dir, `workspace.corrupt-${stamp}.json`), identityRepair.damagedText);
    if (identityRepair.write) await this.writeIdentity();
    for (const [state, snapshot] of loaded) {
      if (!snapshot.rewrite) continue;
      if (snapshot.damagedText !== undefined) {
        // The damaged bytes are kept beside it; the restored snapshot then replaces the file atomically.
        const movedTo = join(this.dir, `${state.name}.corrupt-${stamp}.json`);
        await writeFileDurably(movedTo, snapshot.damagedText);
        const raised = this.notices.find((candidate) => candidate.collection === state.name && (candidate.kind === 'recovered-from-backup' || candidate.kind === 'reset-without-backup'));
        if (raised) {
          raised.movedTo = movedTo;
          raised.message += ` The damaged file is kept as ${movedTo}.`;
        }
      }
      await this.compactCollection(state);
    }
    // A round-1 file no collection is named after (settings.json) is done with once every
    // collection drawing on it has its own snapshot: it moves into the backup.
    const sharedLegacy = new Set([...this.states.values()].flatMap((state) => (state.definition.legacy && !snapshotFiles.has(state.definition.legacy.file) ? [state.definition.legacy.file] : [])));
    for (const file of sharedLegacy) {
      if (!(await statIfExists(join(this.dir, file)))) continue;
      await mkdir(legacyBackup, { recursive: true });
      await rename(join(this.dir, file), join(legacyBackup, file));
    }
  }

  private async writeIdentity(): Promise<void> {
    const text = serializeIdentity(this.identityValue);
    await writeFileDurably(identityPath(this.dir), text);
    await backupText(this.dir, 'workspace', text);
  }

  // --- catching up with the journals ------------------------------------------------

  /**
   * Reads what was appended to the journals since the last look. A journal replaced by a
   * compaction elsewhere means its collection is read again whole. With `repair` (only
   * while holding the lock) torn tails and the lines of interrupted changes are set aside.
   */
  private async catchUp(repair: boolean): Promise<RecordChange[]> {
    const changes: RecordChange[] = [];
    const fresh: FreshLine[] = [];
    for (const state of this.states.values()) {
      const info = await statIfExists(state.journalPath);
      if (state.journalIno !== undefined && (info === undefined || info.ino !== state.journalIno || info.size < state.journalOffset)) {
        changes.push(...(await this.reloadCollection(state, repair)));
        continue;
      }
      if (!info || (info.size === state.journalOffset && state.journalIno !== undefined)) continue;
      fresh.push(...(await this.takeJournal(state, await readJournalFrom(state.journalPath, state.journalOffset), repair)));
    }
    changes.push(...this.applyLines(fresh, repair, await this.incompleteRepairer(repair)));
    return changes;
  }

  /** Records what a journal read holds: new lines are returned to apply; damage is set aside or reported. */
  private async takeJournal(state: CollectionState, read: JournalRead | undefined, repair: boolean): Promise<FreshLine[]> {
    if (!read) return [];
    state.journalIno = read.ino;
    state.journalOffset = read.parsed.consumed;
    const { parsed } = read;
    if (parsed.damaged.length > 0) {
      if (repair) {
        const { movedTo, size } = await removeJournalRanges(state.journalPath, parsed.damaged);
        const info = await statIfExists(state.journalPath);
        state.journalIno = info?.ino;
        state.journalOffset = size - (parsed.partialTail ? read.size - parsed.partialTail.start : 0);
        // The lines after a removed one moved up; their offsets are only used to cut tails, which a reload recomputes.
        this.raise(notice('damaged-lines', state.name, `${parsed.damaged.length} damaged line(s) in ${state.name}.journal were set aside in ${movedTo}; every other change is kept.`, { movedTo }));
        if (parsed.partialTail) {
          const tail = await cutJournalTail(state.journalPath, state.journalOffset);
          this.raise(notice('torn-tail', state.name, `The last change in ${state.name}.journal was cut off by a crash; its ${tail.bytes} bytes were set aside in ${tail.movedTo}, and everything before it is kept.`, { movedTo: tail.movedTo }));
        }
        return parsed.lines.map((placed) => ({ ...placed, state, start: -1, end: -1 })).filter((placed) => placed.line.seq > state.snapshotSeq);
      }
      this.raise(notice('damaged-lines', state.name, `${parsed.damaged.length} damaged line(s) in ${state.name}.journal were skipped; they will be set aside the next time the workspace is opened for writing.`));
    }
    if (parsed.partialTail) {
      if (repair) {
        const tail = await cutJournalTail(state.journalPath, parsed.partialTail.start);
        this.raise(notice('torn-tail', state.name, `The last change in ${state.name}.journal was cut off by a crash; its ${tail.bytes} bytes were set aside in ${tail.movedTo}, and everything before it is kept.`, { movedTo: tail.movedTo }));
      } else if (!this.reportedTails.has(`${state.name}:${parsed.partialTail.start}`) && !liveLockHolder(this.dir)) {
        // No writer holds the lock, so this is not an append in progress but a crash's leftover.
        this.reportedTails.add(`${state.name}:${parsed.partialTail.start}`);
        this.raise(notice('torn-tail', state.name, `The last change in ${state.name}.journal was cut off by a crash; it was skipped (everything before it is read) and will be set aside the next time the workspace is opened for writing.`));
      }
    }
    return parsed.lines.filter((placed) => placed.line.seq > state.snapshotSeq).map((placed) => ({ ...placed, state }));
  }

  /** A lock holder cuts an interrupted change out of the journals (it can only be at their ends). */
  private async incompleteRepairer(repair: boolean): Promise<((lines: FreshLine[]) => Promise<void>) | undefined> {
    if (!repair) return undefined;
    return async (lines) => {
      const byState = new Map<CollectionState, number>();
      for (const line of lines) if (line.start >= 0) byState.set(line.state, Math.min(byState.get(line.state) ?? Number.POSITIVE_INFINITY, line.start));
      for (const [state, from] of byState) {
        const { movedTo } = await cutJournalTail(state.journalPath, from);
        const info = await statIfExists(state.journalPath);
        state.journalIno = info?.ino;
        state.journalOffset = info?.size ?? 0;
        this.raise(notice('incomplete-change', state.name, `A change to several records was interrupted by a crash before all of it was written; its partial lines in ${state.name}.journal were set aside in ${movedTo} and nothing of it was applied.`, { movedTo }));
      }
    };
  }

  /**
   * Applies journal lines in sequence order. A multi-record change is applied only once
   * all its lines are there; until then it (and anything after it) waits, unless the lock
   * holder finds it interrupted and sets it aside.
   */
  private applyLines(fresh: FreshLine[], repair: boolean, cutIncomplete: ((lines: FreshLine[]) => Promise<void>) | undefined): RecordChange[] {
    const all: FreshLine[] = [...this.takePending(), ...fresh];
    const counts = new Map<string, number>();
    for (const { line } of all) if (line.tx) counts.set(line.tx, (counts.get(line.tx) ?? 0) + 1);
    const complete = (line: JournalLine) => !line.tx || counts.get(line.tx) === line.txn;
    const incomplete = all.filter((placed) => !complete(placed.line));
    let ready: FreshLine[];
    if (incomplete.length > 0 && repair && cutIncomplete) {
      this.deferred.push(() => cutIncomplete(incomplete));
      ready = all.filter((placed) => complete(placed.line));
    } else {
      const firstWaiting = Math.min(...incomplete.map((placed) => placed.line.seq));
      ready = all.filter((placed) => complete(placed.line) && placed.line.seq < firstWaiting);
      for (const placed of all) if (!ready.includes(placed)) placed.state.pending.push(placed);
    }
    ready.sort((a, b) => a.line.seq - b.line.seq);
    const changes: RecordChange[] = [];
    const skipped = new Map<CollectionState, number>();
    for (const { state, line } of ready) {
      this.seq = Math.max(this.seq, line.seq);
      const incoming = this.incomingFromLine(state, line);
      if (!incoming) {
        skipped.set(state, (skipped.get(state) ?? 0) + 1);
        continue;
      }
      const before = state.entry(line.id);
      const { state: next, outcome } = applyRevision(before, incoming, line.seq);
      if (outcome === 'known') continue;
      state.set(line.id, next);
      if (this.feed.lastSeq < line.seq) this.feed.record(line.seq, state.name, line.id);
      changes.push(describeChange(state.name, line.id, before, next));
    }
    for (const [state, count] of skipped) {
      this.raise(notice('damaged-lines', state.name, `${count} change(s) in ${state.name}.journal hold records that do not fit the ${state.name} format; they were skipped and are kept in the journal.`));
    }
    return changes;
  }

  private takePending(): FreshLine[] {
    const pending: FreshLine[] = [];
    for (const state of this.states.values()) {
      pending.push(...state.pending.map((placed) => ({ ...placed, state })));
      state.pending = [];
    }
    return pending;
  }

  private incomingFromLine(state: CollectionState, line: JournalLine): IncomingRevision<{ id: string }> | undefined {
    let record: { id: string } | undefined;
    if (line.op === 'put') {
      record = validateRecord(state.definition, line.record, state.snapshotVersion, line.id);
      if (!record) return undefined;
    }
    return { rev: line.rev, revisions: lineAncestry(line), ...(line.op === 'delete' ? { deleted: true } : {}), author: line.author, at: line.at, ...(record ? { record } : {}) };
  }

  /** A journal replaced by another process's compaction: read the collection again, and say what changed. */
  private async reloadCollection(state: CollectionState, repair: boolean): Promise<RecordChange[]> {
    const journal = await readJournalFrom(state.journalPath, 0);
    const source = await readSnapshotSource(state.definition, this.dir);
    const snapshot = await loadSnapshot(state.definition, source, {
      workspaceDir: this.dir,
      notify: (raised) => this.raise(raised),
      author: this.user.id,
      at: new Date().toISOString(),
      nextSeq: () => ++this.seq,
    });
    const previous = state.records;
    state.replaceAll(snapshot.records);
    state.quarantined = snapshot.quarantined;
    state.snapshotSeq = snapshot.seq;
    state.snapshotVersion = snapshot.version;
    state.snapshotBytes = snapshot.bytes;
    state.pending = [];
    await state.appendFile?.close().catch(() => undefined);
    state.appendFile = undefined;
    this.seq = Math.max(this.seq, snapshot.seq);
    const lines = await this.takeJournal(state, journal, repair);
    const changes: RecordChange[] = [];
    for (const [id, next] of state.records) {
      const before = previous.get(id);
      if (before?.rev !== next.rev) changes.push(describeChange(state.name, id, before, next));
    }
    changes.push(...this.applyLines(lines, repair, await this.incompleteRepairer(repair)));
    this.feed.replaceCollection(state.name, [...state.records.entries()].map(([id, stored]) => ({ seq: stored.seq, collection: state.name, id })));
    return changes;
  }

  // --- the write path ----------------------------------------------------------------

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const batch = this.queue;
      this.queue = [];
      if (batch.length > 0) void this.enqueue(() => this.flush(batch)).catch(() => undefined);
    });
  }

  private async flush(batch: QueuedTransaction[]): Promise<void> {
    let lease;
    try {
      lease = await this.lock.acquire(this.lockOptions());
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    const revert: Array<{ state: CollectionState; id: string; previous: StoredRecord<{ id: string }> | undefined }> = [];
    const appended: Array<{ state: CollectionState; sizeBefore: number }> = [];
    const seqBefore = this.seq;
    const outcomes: Array<{ item: QueuedTransaction; ok: boolean; value: unknown }> = [];
    let local: RecordChange[] = [];
    try {
      const external = await this.catchUp(true);
      await this.runDeferred();
      this.emit(external, 'external');

      const linesByState = new Map<CollectionState, JournalLine[]>();
      for (const item of batch) {
        const transaction = new Transaction((definition) => this.state(definition), this.user.id, () => new Date().toISOString());
        let value: unknown;
        try {
          value = item.run(transaction);
          if (value instanceof Promise) throw new Error('A transaction must be synchronous: it runs while the workspace is locked.');
        } catch (error) {
          outcomes.push({ item, ok: false, value: error });
          continue;
        }
        const tx = transaction.staged.length > 1 ? randomBytes(6).toString('hex') : undefined;
        for (const staged of transaction.staged) {
          const seq = ++this.seq;
          const line: JournalLine = { seq, ...staged.line, ...(tx ? { tx, txn: transaction.staged.length } : {}) };
          const before = staged.state.entry(line.id);
          revert.push({ state: staged.state, id: line.id, previous: before });
          const { state: next } = applyRevision(before, staged.incoming, seq);
          staged.state.set(line.id, next);
          local.push(describeChange(staged.state.name, line.id, before, next));
          const lines = linesByState.get(staged.state) ?? [];
          lines.push(line);
          linesByState.set(staged.state, lines);
        }
        outcomes.push({ item, ok: true, value });
      }

      for (const [state, lines] of linesByState) {
        const file = await this.appendFileFor(state);
        appended.push({ state, sizeBefore: state.journalOffset });
        const bytes = await file.append(serializeLines(lines));
        state.journalOffset += bytes;
        state.journalLines += lines.length;
      }
      for (const change of local) this.feed.record(change.seq, change.collection, change.id);
    } catch (error) {
      // Nothing of the batch is acknowledged: memory and journals go back to where they were.
      for (const { state, id, previous } of revert.reverse()) state.set(id, previous);
      this.seq = seqBefore;
      for (const { state, sizeBefore } of appended) {
        await truncateJournal(state.journalPath, sizeBefore).catch(() => undefined);
        state.journalOffset = sizeBefore;
      }
      local = [];
      for (const outcome of outcomes) if (outcome.ok) outcome.item.reject(error);
      for (const outcome of outcomes) if (!outcome.ok) outcome.item.reject(outcome.value);
      for (const item of batch) if (!outcomes.some((outcome) => outcome.item === item)) item.reject(error);
      return;
    } finally {
      lease.release();
    }
    this.emit(local, 'local');
    for (const outcome of outcomes) (outcome.ok ? outcome.item.resolve : outcome.item.reject)(outcome.value);
    this.afterWrite();
  }

  private async runDeferred(): Promise<void> {
    const work = this.deferred;
    this.deferred = [];
    for (const step of work) await step();
  }

  private async appendFileFor(state: CollectionState): Promise<AppendFile> {
    if (state.appendFile && state.appendFile.ino === state.journalIno) return state.appendFile;
    await state.appendFile?.close().catch(() => undefined);
    state.appendFile = await AppendFile.open(state.journalPath);
    if (state.journalIno !== state.appendFile.ino) {
      state.journalIno = state.appendFile.ino;
      state.journalOffset = (await stat(state.journalPath)).size;
    }
    return state.appendFile;
  }

  // --- compaction ----------------------------------------------------------------------

  private compactionDue(state: CollectionState, moment: 'write' | 'idle' | 'close'): boolean {
    if (state.snapshotVersion < state.definition.version) return true;
    const journal = state.journalOffset;
    if (journal === 0) return false;
    const big = journal > Math.max(this.policy.minJournalBytes, state.snapshotBytes * this.policy.snapshotRatio);
    if (moment === 'write') return big;
    return big || state.snapshotBytes < this.policy.smallSnapshotBytes;
  }

  private afterWrite(): void {
    if ([...this.states.values()].some((state) => this.compactionDue(state, 'write'))) {
      setImmediate(() => void this.compactDue('write').catch(() => undefined));
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.compactDue('idle').catch(() => undefined), this.policy.idleMs);
    this.idleTimer.unref();
  }

  private compactDue(moment: 'write' | 'idle'): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.withLock(async () => {
      for (const state of this.states.values()) if (this.compactionDue(state, moment)) await this.compactCollection(state);
    });
  }

  /**
   * Writes the collection's snapshot (temporary file, fsync, rename), backs it up, then
   * replaces the journal with an empty one. A crash before the snapshot's rename leaves the
   * old pair; after it, the old journal's lines are at or below the snapshot's sequence and
   * are skipped. Runs under the lock, after catching up.
   */
  private async compactCollection(state: CollectionState): Promise<void> {
    const records: Record<string, StoredRecord<{ id: string }>> = {};
    for (const [id, stored] of state.records) records[id] = stored;
    const quarantined = state.quarantined.size > 0 ? Object.fromEntries(state.quarantined) : undefined;
    await writeSnapshot(state.snapshotPath, {
      schemaVersion: state.definition.version,
      projectId: this.identityValue.projectId,
      seq: this.seq,
      records,
      ...(quarantined ? { quarantined } : {}),
    });
    await backupFile(this.dir, state.name, state.snapshotPath);
    await writeFileDurably(state.journalPath, '');
    await state.appendFile?.close().catch(() => undefined);
    state.appendFile = undefined;
    const journal = await statIfExists(state.journalPath);
    state.journalIno = journal?.ino;
    state.journalOffset = 0;
    state.journalLines = 0;
    state.snapshotSeq = this.seq;
    state.snapshotVersion = state.definition.version;
    state.snapshotBytes = (await statIfExists(state.snapshotPath))?.size ?? 0;
  }

  // --- watching other writers ------------------------------------------------------------

  private startWatching(): void {
    try {
      this.watcher = watch(this.dir, { persistent: false }, (_event, name) => {
        if (typeof name === 'string' && (name.endsWith('.journal') || name.endsWith('.json'))) this.scheduleRefresh();
      });
      this.watcher.on('error', () => undefined);
    } catch {
      this.watcher = undefined;
    }
    // fs.watch misses events on some file systems (network shares): poll as well, less often.
    const poll = setInterval(() => this.scheduleRefresh(), this.watcher ? 5000 : 1000);
    poll.unref();
    this.timers.push(poll);
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer || this.closed) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh().catch(() => undefined);
    }, 50);
    this.refreshTimer.unref();
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = undefined;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  // --- plumbing ------------------------------------------------------------------------

  private state<T extends { id: string }>(definition: CollectionDefinition<T>): CollectionState<T> {
    const state = this.states.get(definition.name);
    if (!state || state.definition !== (definition as unknown as AnyCollectionDefinition)) {
      throw new Error(`The collection ${definition.name} is not part of this workspace: pass its definition to openWorkspace.`);
    }
    return state as unknown as CollectionState<T>;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.io.then(work, work);
    this.io = run.catch(() => undefined);
    return run;
  }

  /** Runs `work` with the lock held and the journals caught up. */
  private withLock(work: () => Promise<void>, waitMs?: number): Promise<void> {
    return this.enqueue(async () => {
      const lease = await this.lock.acquire({ ...this.lockOptions(), ...(waitMs === undefined ? {} : { waitMs }) });
      try {
        const changes = await this.catchUp(true);
        await this.runDeferred();
        this.emit(changes, 'external');
        await work();
      } finally {
        lease.release();
      }
    });
  }

  /** Waits until every queued write has been written. */
  private async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushScheduled) await new Promise((resolve) => setImmediate(resolve));
    await this.io.catch(() => undefined);
  }

  private lockOptions(): { waitMs?: number; onWait?: (holder: LockInfo) => void } {
    return { ...(this.options.lockWaitMs === undefined ? {} : { waitMs: this.options.lockWaitMs }), ...(this.options.onLockWait ? { onWait: this.options.onLockWait } : {}) };
  }

  private emit(changes: RecordChange[], origin: ChangeOrigin): void {
    if (changes.length === 0) return;
    const byCollection = new Map<string, RecordChange[]>();
    for (const change of changes) {
      const list = byCollection.get(change.collection) ?? [];
      list.push(change);
      byCollection.set(change.collection, list);
    }
    for (const [name, list] of byCollection) {
      for (const listener of this.states.get(name)?.listeners ?? []) safely(() => listener(list as Array<RecordChange<{ id: string }>>, origin));
    }
    for (const listener of this.listeners) safely(() => listener({ origin, changes }));
  }

  private raise(raised: StoreNotice): void {
    this.notices.push(raised);
    for (const listener of this.noticeListeners) safely(() => listener(raised));
  }
}

function describeChange(collection: string, id: string, before: StoredRecord<{ id: string }> | undefined, after: StoredRecord<{ id: string }>): RecordChange {
  return {
    seq: after.seq,
    collection,
    id,
    rev: after.rev,
    deleted: Boolean(after.deleted),
    ...(before && !before.deleted && before.record !== undefined ? { before: before.record } : {}),
    ...(!after.deleted && after.record !== undefined ? { after: after.record } : {}),
  };
}

function safely(call: () => void): void {
  try {
    call();
  } catch (error) {
    // A subscriber's failure must not undo a write that is already on disk.
    console.error(error);
  }
}

function readOnlyError(dir: string): WorkbenchError {
  return new WorkbenchError('LOCKED', `The workspace ${dir} is open read-only here, so nothing can be saved. Open it for writing to make changes.`);
}

/** True when the folder exists (it is created for a writable open). */
async function ensureDirectory(dir: string, create: boolean): Promise<boolean> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new WorkbenchError('BAD_REQUEST', `The workspace path ${dir} is a file, not a folder. Choose a folder.`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!create) return false;
    await mkdir(dir, { recursive: true });
    return true;
  }
}

export function openWorkspace(dir: string, options: OpenWorkspaceOptions): Promise<Workspace> {
  return Workspace.open(dir, options);
}
