import { mkdir, stat } from 'node:fs/promises';
import { WorkbenchError } from '../api/errors';
import type { AnyCollectionDefinition, CollectionDefinition } from './collection-definition';
import type { ChangeOrigin, RecordChange, RecordSet } from './collection-state';
import { compactCollection, compactionDue, defaultCompaction, type CompactionPolicy } from './compaction';
import { ExternalWatcher } from './external-watcher';
import { userIdFor, WorkspaceUserSchema, type WorkspaceIdentity, type WorkspaceUser } from './identity';
import { catchUp } from './journal-replay';
import { defaultHold, HeldWriteLock, type HoldPolicy } from './held-lock';
import { WorkspaceLock, type LockInfo } from './lock';
import type { StoreNotice } from './notices';
import { knowsRevision, type ApplyOutcome } from './revisions';
import { StoreState } from './store-state';
import type { RevisionInput, Transaction } from './transaction';
import { loadWorkspace, writeIdentity } from './workspace-load';
import { BatchWriteError, writeBatch, type QueuedTransaction } from './write-batch';

export type { CompactionPolicy } from './compaction';

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
  /** How the write lock is kept between batches that come close together (held-lock.ts). */
  hold?: Partial<HoldPolicy>;
}

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

/**
 * A workspace folder. Each collection is a snapshot plus an append-only journal; a write
 * appends one line per changed record and fsyncs before it resolves, under the lock, which
 * is kept between batches that come close together (held-lock.ts). See docs/architecture.md, "Storage", for the formats and the guarantees.
 */
export class Workspace {
  private readonly store: StoreState;
  private readonly listeners = new Set<(batch: WorkspaceChangeBatch) => void>();
  private readonly writingListeners = new Set<{ collection: string; listener: (changes: readonly RecordChange[]) => void }>();
  private readonly lock: WorkspaceLock;
  private readonly writeLock: HeldWriteLock;
  private readonly policy: CompactionPolicy;
  private readonly watcher: ExternalWatcher;
  /** Reads and writes of the files, one at a time. */
  private io: Promise<unknown> = Promise.resolve();
  private queue: QueuedTransaction[] = [];
  private flushScheduled = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly readOnly: boolean,
    private readonly options: OpenWorkspaceOptions,
  ) {
    this.store = new StoreState(dir, options.collections);
    this.lock = new WorkspaceLock(dir, options.holder);
    this.writeLock = new HeldWriteLock(this.lock, { ...defaultHold, ...options.hold });
    this.policy = { ...defaultCompaction, ...options.compaction };
    this.watcher = new ExternalWatcher(dir, () => void this.refresh().catch(() => undefined));
  }

  static async open(dir: string, options: OpenWorkspaceOptions): Promise<Workspace> {
    const readOnly = options.readOnly ?? false;
    const exists = await ensureDirectory(dir, !readOnly);
    const workspace = new Workspace(dir, readOnly, options);
    if (!exists) return workspace;
    const lease = readOnly ? undefined : await workspace.lock.acquire(workspace.lockOptions());
    try {
      await loadWorkspace(workspace.store, { readOnly, ...(options.actAs ? { actAs: options.actAs } : {}) });
    } catch (error) {
      lease?.release();
      workspace.lock.dispose();
      throw error;
    }
    lease?.release();
    if (options.watch) workspace.watcher.start();
    return workspace;
  }

  // --- reading -------------------------------------------------------------------------

  /** The records of one collection, typed by its definition. */
  records<T extends { id: string }>(definition: CollectionDefinition<T>): RecordSet<T> {
    return this.store.state(definition);
  }

  get identity(): WorkspaceIdentity {
    return this.store.identity;
  }

  /** Who writes: the `author` of every record written by this process. */
  get user(): WorkspaceUser {
    return this.options.actAs ?? this.store.identity.user;
  }

  get schemaVersions(): Record<string, number> {
    return Object.fromEntries([...this.store.states.values()].map((state) => [state.name, state.definition.version]));
  }

  /** The latest sequence number: everything up to it has been read or written. */
  get lastSeq(): number {
    return this.store.seq;
  }

  /** Everything the store had to tell: repairs, migrations, damage set aside. */
  get notices(): readonly StoreNotice[] {
    return this.store.notices;
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
    for (const entry of this.store.feed.after(since)) {
      if (wanted && !wanted.has(entry.collection)) continue;
      const stored = this.store.states.get(entry.collection)?.entry(entry.id);
      if (!stored) continue;
      results.push({ seq: entry.seq, collection: entry.collection, id: entry.id, rev: stored.rev, deleted: Boolean(stored.deleted) });
      if (results.length >= limit) return { results, lastSeq: entry.seq };
    }
    return { results, lastSeq: Math.max(since, this.store.seq) };
  }

  /** Which of these revisions this workspace does not have (CouchDB's `_revs_diff`), per record id. */
  revsDiff<T extends { id: string }>(definition: CollectionDefinition<T>, revisions: Record<string, readonly string[]>): Record<string, { missing: string[] }> {
    const state = this.store.state(definition);
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

  /**
   * Tells `listener` of each local batch changing the collection while it is being written:
   * its lines are in the journal and not yet known to be durable. Work done here (search
   * analysing a saved text) overlaps the wait for the disk when the fsync is made in the
   * thread pool, and subscribers, told once the batch is durable, have less to do before the
   * save is acknowledged. The batch may still fail: nothing done here may be visible to anyone.
   */
  whileWriting<T extends { id: string }>(definition: CollectionDefinition<T>, listener: (changes: ReadonlyArray<RecordChange<T>>) => void): () => void {
    // The records were validated against the definition's schema when they were staged.
    const entry = { collection: definition.name, listener: listener as (changes: readonly RecordChange[]) => void };
    this.writingListeners.add(entry);
    return () => this.writingListeners.delete(entry);
  }

  /** Records a repair an area made to its own files (a damaged imported document), told like the store's. */
  report(raised: StoreNotice): void {
    this.store.raise(raised);
  }

  /** Notices raised after the open (a repair made while catching up with another writer). */
  onNotice(listener: (notice: StoreNotice) => void): () => void {
    return this.store.onNotice(listener);
  }

  // --- writing -------------------------------------------------------------------------

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

  /** Makes someone the workspace's current user (the author of what is written from now on). Their id is kept unless given. */
  async setUser(input: { name: string; id?: string }): Promise<WorkspaceUser> {
    if (this.readOnly) throw readOnlyError(this.dir);
    const user = WorkspaceUserSchema.parse({ id: input.id ?? this.store.identity.user.id ?? userIdFor(input.name), name: input.name.trim() });
    await this.withLock(async () => {
      this.store.identity = { ...this.store.identity, user };
      await writeIdentity(this.store);
    });
    return user;
  }

  /**
   * Makes this workspace part of another project: a researcher joining a team takes the
   * team's project id from the first bundle they merge. The caller checks that the
   * workspace holds none of a project's records yet (an area knows which records travel).
   */
  async joinProject(projectId: string): Promise<void> {
    if (this.readOnly) throw readOnlyError(this.dir);
    if (!/^[a-z][a-z0-9-]{2,100}$/.test(projectId)) throw new WorkbenchError('BAD_REQUEST', `"${projectId}" is not a project id.`);
    await this.withLock(async () => {
      this.store.identity = { ...this.store.identity, projectId };
      await writeIdentity(this.store);
    });
  }

  /** Reads what other processes appended since the last look, and tells subscribers. */
  refresh(): Promise<void> {
    return this.enqueue(async () => this.emit(await catchUp(this.store, false, this.user.id), 'external'));
  }

  /** Folds journals into snapshots now (all of them, or the named collections). */
  compact(names?: readonly string[]): Promise<void> {
    if (this.readOnly) return Promise.reject(readOnlyError(this.dir));
    const chosen = [...this.store.states.values()].filter((state) => !names || names.includes(state.name));
    return this.withLock(async () => {
      for (const state of chosen) await compactCollection(this.store, state);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.watcher.stop();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.drain();
    this.closed = true;
    if (!this.readOnly && [...this.store.states.values()].some((state) => compactionDue(this.policy, state, 'close'))) {
      // At close a busy workspace is left as it is: the journal is complete without compaction.
      await this.withLock(() => this.compactDue('close'), 2000).catch(() => undefined);
    }
    await this.io.catch(() => undefined);
    this.writeLock.release();
    this.lock.dispose();
    for (const state of this.store.states.values()) {
      await state.appendFile?.close().catch(() => undefined);
      state.appendFile = undefined;
      await state.pinJournal(undefined, undefined);
    }
  }

  // --- the write path ----------------------------------------------------------------------

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
    let fresh = false;
    try {
      // Kept from the batch before (the usual case in a burst), the lock costs no await.
      if (!this.writeLock.reuse()) ({ fresh } = await this.writeLock.acquire(this.lockOptions()));
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    let written;
    try {
      // A lock kept since our last batch means nobody else has appended since.
      if (fresh) this.emit(await catchUp(this.store, true, this.user.id), 'external');
      if (this.store.deferred.length > 0) await this.store.runDeferred();
      written = await writeBatch(this.store, batch, this.user.id, (changes) => this.tellWriting(changes));
    } catch (error) {
      this.writeLock.done(true);
      const failedAlone = new Map(error instanceof BatchWriteError ? error.outcomes.filter((outcome) => !outcome.ok).map((outcome) => [outcome.item, outcome.value]) : []);
      const cause = error instanceof BatchWriteError ? error.cause : error;
      for (const item of batch) item.reject(failedAlone.has(item) ? failedAlone.get(item) : cause);
      return;
    }
    this.writeLock.done();
    this.emit(written.changes, 'local');
    for (const outcome of written.outcomes) (outcome.ok ? outcome.item.resolve : outcome.item.reject)(outcome.value);
    this.afterWrite();
  }

  private afterWrite(): void {
    if ([...this.store.states.values()].some((state) => compactionDue(this.policy, state, 'write'))) {
      setImmediate(() => void this.withLock(() => this.compactDue('write')).catch(() => undefined));
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (!this.closed) void this.withLock(() => this.compactDue('idle')).catch(() => undefined);
    }, this.policy.idleMs);
    this.idleTimer.unref();
  }

  private async compactDue(moment: 'write' | 'idle' | 'close'): Promise<void> {
    for (const state of this.store.states.values()) if (compactionDue(this.policy, state, moment)) await compactCollection(this.store, state);
  }

  // --- plumbing ----------------------------------------------------------------------------

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.io.then(work, work);
    this.io = run.catch(() => undefined);
    return run;
  }

  /** Runs `work` with the lock held and the journals caught up. */
  private withLock(work: () => Promise<void>, waitMs?: number): Promise<void> {
    return this.enqueue(async () => {
      const { fresh } = await this.writeLock.acquire({ ...this.lockOptions(), ...(waitMs === undefined ? {} : { waitMs }) });
      let failed = true;
      try {
        if (fresh) this.emit(await catchUp(this.store, true, this.user.id), 'external');
        await this.store.runDeferred();
        await work();
        failed = false;
      } finally {
        this.writeLock.done(failed);
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

  private tellWriting(changes: readonly RecordChange[]): void {
    for (const { collection, listener } of this.writingListeners) {
      const mine = changes.filter((change) => change.collection === collection);
      if (mine.length > 0) safely(() => listener(mine));
    }
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
      for (const listener of this.store.states.get(name)?.listeners ?? []) safely(() => listener(list as Array<RecordChange<{ id: string }>>, origin));
    }
    for (const listener of this.listeners) safely(() => listener({ origin, changes }));
  }
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
