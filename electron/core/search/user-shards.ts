/**
 * A growing collection of user content (annotations, drafts) spread over small shards, so
 * that saving one item never re-indexes all of them. lunr cannot add to an index, only
 * rebuild it, and rebuilding 10,000 annotations on every save would take seconds.
 *
 * Items live in buckets by a hash of their id, one lunr shard per bucket. A save goes into
 * the collection's live "recent" shard (`LiveShard`: the item's terms kept in memory and
 * scored at query time as lunr would), so it is searchable when `upsert` returns without
 * building any index, and the item's old version in its bucket is hidden. Buckets take
 * the recent items over off the save path: when the recent shard has grown past its limit
 * and no save came for a while (idle), one bucket at a time, the one with the most pending
 * changes. Only a burst of saves that never pauses (past `HARD_LIMIT_FACTOR` times the limit)
 * folds a bucket during a save, so the recent shard's query cost stays bounded.
 */
import type { SearchEngine } from './engine';
import { LiveShard } from './live-shard';
import type { SearchDocument } from './types';

export const DEFAULT_BUCKETS = 32;
/** Saves kept in the recent shard before buckets take them over (on idle). */
export const RECENT_LIMIT = 64;
/** Past this many times the limit, a save folds a bucket at once rather than waiting for idle. */
export const HARD_LIMIT_FACTOR = 4;
/** No save for this long counts as idle. */
export const IDLE_MS = 1000;

export interface ShardedCollectionOptions {
  bucketCount?: number;
  recentLimit?: number;
  idleMs?: number;
}

export class ShardedCollection {
  /** What each bucket's shard was built from. */
  private readonly indexed: Map<string, SearchDocument>[];
  /** Ids whose bucket version is out of date (changed or removed since the bucket was built). */
  private readonly stale: Set<string>[];
  /** Saved since their bucket was built; searchable in the engine as `${group}/recent`. */
  private readonly recent: LiveShard;
  private readonly recentLimit: number;
  private readonly idleMs: number;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly engine: SearchEngine,
    /** Shard names are `${group}/${bucket}` and `${group}/recent`; one group per kind of content. */
    private readonly group: string,
    bucketCount: number | ShardedCollectionOptions = DEFAULT_BUCKETS,
    recentLimit = RECENT_LIMIT,
  ) {
    const options = typeof bucketCount === 'number' ? { bucketCount, recentLimit } : bucketCount;
    const buckets = options.bucketCount ?? DEFAULT_BUCKETS;
    this.recentLimit = options.recentLimit ?? RECENT_LIMIT;
    this.idleMs = options.idleMs ?? IDLE_MS;
    this.indexed = Array.from({ length: buckets }, () => new Map());
    this.stale = Array.from({ length: buckets }, () => new Set());
    this.recent = new LiveShard(`${group}/recent`);
    engine.addShard(this.recent);
  }

  /** Replaces the whole collection, e.g. when the workspace opens. */
  setAll(docs: readonly SearchDocument[]): void {
    this.cancelIdle();
    this.indexed.forEach((bucket) => bucket.clear());
    this.stale.forEach((ids) => ids.clear());
    this.recent.clear();
    for (const doc of docs) this.indexed[this.bucketIndex(doc.id)]!.set(doc.id, doc);
    this.indexed.forEach((_bucket, n) => this.rebuildBucket(n));
  }

  /** Adds or replaces one document; it is searchable when this returns. */
  upsert(doc: SearchDocument): void {
    this.markStale(doc.id);
    this.recent.set(doc);
    if (this.recent.size > this.recentLimit * HARD_LIMIT_FACTOR) this.compactOne();
    if (this.recent.size > this.recentLimit) this.scheduleIdle();
  }

  /** Does the work of a coming `upsert` of these documents ahead, making nothing searchable (see LiveShard.prepare). */
  prepare(docs: readonly SearchDocument[]): void {
    this.recent.prepare(docs);
  }

  remove(id: string): void {
    this.markStale(id);
    this.recent.delete(id);
  }

  /** Folds all pending changes into their buckets, e.g. when the app is idle. */
  compact(): void {
    this.cancelIdle();
    while (this.stale.some((ids) => ids.size > 0) || this.recent.size > 0) this.compactOne();
  }

  /** How many documents wait in the recent shard for their bucket. */
  get recentSize(): number {
    return this.recent.size;
  }

  get size(): number {
    let size = this.recent.size;
    this.indexed.forEach((bucket, n) => {
      for (const id of bucket.keys()) if (!this.stale[n]!.has(id) && !this.recent.has(id)) size++;
    });
    return size;
  }

  /** Stops the idle work (the area closes). */
  close(): void {
    this.cancelIdle();
  }

  private markStale(id: string): void {
    const n = this.bucketIndex(id);
    const ids = this.stale[n]!;
    if (!this.indexed[n]!.has(id) || ids.has(id)) return;
    ids.add(id);
    this.engine.hideDocuments(this.bucketName(n), ids);
  }

  /** After `idleMs` without a save, buckets take over recent items, one bucket per turn of the event loop. */
  private scheduleIdle(): void {
    this.cancelIdle();
    this.idleTimer = setTimeout(() => this.foldWhileIdle(), this.idleMs);
    this.idleTimer.unref?.();
  }

  private foldWhileIdle(): void {
    this.idleTimer = undefined;
    if (this.recent.size <= this.recentLimit / 2) return;
    this.compactOne();
    this.idleTimer = setTimeout(() => this.foldWhileIdle(), 0);
    this.idleTimer.unref?.();
  }

  private cancelIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** Rebuilds the bucket with the most pending changes and takes its items out of recent. */
  private compactOne(): void {
    const pending = this.stale.map((ids) => ids.size);
    for (const doc of this.recent.documents()) {
      const n = this.bucketIndex(doc.id);
      // A recent item that replaced a bucket version is counted once, as stale.
      if (!this.stale[n]!.has(doc.id)) pending[n]! += 1;
    }
    let busiest = -1;
    let most = 0;
    pending.forEach((count, n) => {
      if (count > most) [busiest, most] = [n, count];
    });
    if (busiest < 0) return;
    const bucket = this.indexed[busiest]!;
    for (const id of this.stale[busiest]!) bucket.delete(id);
    for (const doc of this.recent.documents()) {
      if (this.bucketIndex(doc.id) !== busiest) continue;
      bucket.set(doc.id, doc);
      this.recent.delete(doc.id);
    }
    this.stale[busiest]!.clear();
    this.rebuildBucket(busiest);
  }

  private rebuildBucket(n: number): void {
    this.engine.setShard(this.bucketName(n), [...this.indexed[n]!.values()]);
  }

  private bucketName(n: number): string {
    return `${this.group}/${n}`;
  }

  /** FNV-1a: stable across runs, so an item stays in its bucket. */
  private bucketIndex(id: string): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    return (hash >>> 0) % this.indexed.length;
  }
}
