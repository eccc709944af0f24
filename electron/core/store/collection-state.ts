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
