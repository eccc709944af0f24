import { fstatSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { CollectionDefinition } from './collection-definition';
import type { AppendFile } from './durable-file';
import type { PlacedLine } from './journal-format';
import { liveConflicts, type StoredRecord } from './revisions';

/** One change to one record, as subscribers see it. `before`/`after` are the winning records (absent when deleted). */
export interface RecordChange<T = unknown> {
  seq: number;
  collection: string;
  id: string;
  rev: string;
  deleted: boolean;
  before?: T;
  after?: T;
}

/** Where a batch of changes came from: this process, or another writer (the CLI while the app runs). */
export type ChangeOrigin = 'local' | 'external';

/**
 * What an area reads of one of its collections: synchronous, from memory. Records are the
 * stored objects themselves: treat them as read-only and write through `transact`.
 */
export interface RecordSet<T extends { id: string }> {
  readonly name: string;
  get(id: string): T | undefined;
  has(id: string): boolean;
  /** Live records (not tombstones), in no particular order. */
  values(): IterableIterator<T>;
  /** The same as an array, kept between changes: cheap to ask for again and again. */
  all(): readonly T[];
  /** How many live records. */
  readonly size: number;
  /** Everything the store keeps about a record: revision, ancestry, author, conflicts, tombstone. */
  entry(id: string): StoredRecord<T> | undefined;
  /** Ids of records with live conflicting branches. */
  conflicted(): string[];
  /** Called after each batch of changes to this collection is durable (local) or read (external). */
  subscribe(listener: (changes: Array<RecordChange<T>>, origin: ChangeOrigin) => void): () => void;
}

/** A collection in memory and where its files stand. */
export class CollectionState<T extends { id: string } = { id: string }> implements RecordSet<T> {
  records = new Map<string, StoredRecord<T>>();
  /** Records that failed validation, kept exactly as found and written back at compaction. */
  quarantined = new Map<string, unknown>();
  private live = 0;
  private cachedAll: T[] | undefined;
  readonly listeners = new Set<(changes: Array<RecordChange<T>>, origin: ChangeOrigin) => void>();

  /** The journal as read so far: its inode (a compaction elsewhere replaces it) and offset. */
  journalIno: number | undefined;
  /**
   * The journal whose inode is `journalIno`, kept open. Without it, two compactions by other
   * processes can hand the same inode number to a new journal (ext4 reuses them at once),
   * and this process would read on from an offset in a file it never read, missing changes
   * and then dropping them from its next snapshot.
   */
  private journalPin: FileHandle | undefined;
  journalOffset = 0;
  journalLines = 0;
  snapshotSeq = 0;
  snapshotBytes = 0;
  /** The version the snapshot on disk has (below `definition.version` until compacted). */
  snapshotVersion: number;
  appendFile: AppendFile | undefined;
  /** Lines of a multi-record change not all of whose lines have been seen yet. */
  pending: PlacedLine[] = [];

  constructor(
    readonly definition: CollectionDefinition<T>,
    readonly dir: string,
  ) {
    this.snapshotVersion = definition.version;
  }

  get name(): string {
    return this.definition.name;
  }

  get snapshotPath(): string {
    return join(this.dir, `${this.name}.json`);
  }

  /** Tracks the journal open in `handle` (or none), closing the one tracked before. */
  async pinJournal(handle: FileHandle | undefined, ino: number | undefined): Promise<void> {
    const previous = this.journalPin;
    this.journalPin = handle;
    this.journalIno = ino;
    if (previous && previous !== handle) await previous.close().catch(() => undefined);
  }

  /** Tracks the journal now at `journalPath` (the lock is held, so nobody replaces it meanwhile). */
  async pinJournalAtPath(): Promise<{ ino: number; size: number } | undefined> {
    let handle: FileHandle;
    try {
      handle = await open(this.journalPath, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await this.pinJournal(undefined, undefined);
      return undefined;
    }
    const { ino, size } = await handle.stat();
    await this.pinJournal(handle, ino);
    return { ino, size };
  }

  /**
   * The tracked journal's size, and whether it is still the file at `journalPath`: only a
   * replacement (compaction's rename) or a removal unlinks it, since nothing else renames a
   * journal. An fstat of the open file skips the path lookup of a stat: a write checks
   * every journal, and this is the cheaper question. Undefined when no journal is tracked.
   */
  trackedJournal(): { size: number; linked: boolean } | undefined {
    if (!this.journalPin || this.journalIno === undefined) return undefined;
    const info = fstatSync(this.journalPin.fd);
    return { size: info.size, linked: info.nlink > 0 && info.ino === this.journalIno };
  }

  get journalPath(): string {
    return join(this.dir, `${this.name}.journal`);
  }

  get(id: string): T | undefined {
    const stored = this.records.get(id);
    return stored && !stored.deleted ? stored.record : undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *values(): IterableIterator<T> {
    for (const stored of this.records.values()) if (!stored.deleted && stored.record !== undefined) yield stored.record;
  }

  all(): readonly T[] {
    this.cachedAll ??= [...this.values()];
    return this.cachedAll;
  }

  get size(): number {
    return this.live;
  }

  entry(id: string): StoredRecord<T> | undefined {
    return this.records.get(id);
  }

  conflicted(): string[] {
    return [...this.records.entries()].filter(([, stored]) => liveConflicts(stored).length > 0).map(([id]) => id);
  }

  subscribe(listener: (changes: Array<RecordChange<T>>, origin: ChangeOrigin) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sets a record's state (undefined removes it entirely, only when undoing a failed write). */
  set(id: string, state: StoredRecord<T> | undefined): void {
    this.cachedAll = undefined;
    const before = this.records.get(id);
    if (before && !before.deleted) this.live -= 1;
    if (state) {
      this.records.set(id, state);
      if (!state.deleted) this.live += 1;
    } else {
      this.records.delete(id);
    }
  }

  replaceAll(records: Map<string, StoredRecord<T>>): void {
    this.cachedAll = undefined;
    this.records = records;
    this.live = 0;
    for (const stored of records.values()) if (!stored.deleted) this.live += 1;
  }
}
