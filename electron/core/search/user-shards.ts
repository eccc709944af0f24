/**
 * A growing collection of user content (annotations, drafts) spread over small shards, so
 * that saving one item never re-indexes all of them. lunr cannot add to an index, only
 * rebuild it, and rebuilding 10,000 annotations on every save would take seconds.
 *
 * Items live in buckets by a hash of their id, one shard per bucket. A save goes first into a
 * small "recent" shard, rebuilt at once (the item is searchable when `upsert` returns), and
 * the item's old version in its bucket is hidden. When the recent shard grows past a limit,
 * the bucket with the most pending changes is rebuilt and its items leave the recent shard:
 * one bucket per save at most, so no save pays for more than two small shards.
 */
import type { SearchEngine } from './engine';
import type { SearchDocument } from './types';

export const DEFAULT_BUCKETS = 32;
/** Saves kept in the recent shard before a bucket is rebuilt to take them over. */
export const RECENT_LIMIT = 64;

export class ShardedCollection {
  /** What each bucket's shard was built from. */
  private readonly indexed: Map<string, SearchDocument>[];
  /** Ids whose bucket version is out of date (changed or removed since the bucket was built). */
  private readonly stale: Set<string>[];
  /** Saved since their bucket was built; indexed in the recent shard. */
  private readonly recent = new Map<string, SearchDocument>();

  constructor(
    private readonly engine: SearchEngine,
    /** Shard names are `${group}/${bucket}` and `${group}/recent`; one group per kind of content. */
    private readonly group: string,
    bucketCount = DEFAULT_BUCKETS,
    private readonly recentLimit = RECENT_LIMIT,
  ) {
    this.indexed = Array.from({ length: bucketCount }, () => new Map());
    this.stale = Array.from({ length: bucketCount }, () => new Set());
  }

  /** Replaces the whole collection, e.g. when the workspace opens. */
  setAll(docs: readonly SearchDocument[]): void {
    this.indexed.forEach((bucket) => bucket.clear());
    this.stale.forEach((ids) => ids.clear());
    this.recent.clear();
    for (const doc of docs) this.indexed[this.bucketIndex(doc.id)]!.set(doc.id, doc);
    this.indexed.forEach((_bucket, n) => this.rebuildBucket(n));
    this.rebuildRecent();
  }

  /** Adds or replaces one document; it is searchable when this returns. */
  upsert(doc: SearchDocument): void {
    this.markStale(doc.id);
    this.recent.set(doc.id, doc);
    if (this.recent.size > this.recentLimit) this.compactOne();
    this.rebuildRecent();
  }

  remove(id: string): void {
    this.markStale(id);
    if (this.recent.delete(id)) this.rebuildRecent();
  }

  /** Folds all pending changes into their buckets, e.g. when the app is idle. */
  compact(): void {
    while (this.stale.some((ids) => ids.size > 0)) this.compactOne();
    this.rebuildRecent();
  }

  get size(): number {
    let size = this.recent.size;
    this.indexed.forEach((bucket, n) => {
      for (const id of bucket.keys()) if (!this.stale[n]!.has(id)) size++;
    });
    return size;
  }

  private markStale(id: string): void {
    const n = this.bucketIndex(id);
    const ids = this.stale[n]!;
    if (!this.indexed[n]!.has(id) || ids.has(id)) return;
    ids.add(id);
    this.engine.hideDocuments(this.bucketName(n), ids);
  }

  /** Rebuilds the bucket with the most pending changes and takes its items out of recent. */
  private compactOne(): void {
    let busiest = -1;
    let most = 0;
    this.stale.forEach((ids, n) => {
      const pending = ids.size + [...this.recent.keys()].filter((id) => this.bucketIndex(id) === n).length;
      if (pending > most) [busiest, most] = [n, pending];
    });
    if (busiest < 0) return;
    const bucket = this.indexed[busiest]!;
    for (const id of this.stale[busiest]!) bucket.delete(id);
    for (const [id, doc] of this.recent) {
      if (this.bucketIndex(id) !== busiest) continue;
      bucket.set(id, doc);
      this.recent.delete(id);
    }
    this.stale[busiest]!.clear();
    this.rebuildBucket(busiest);
  }

  private rebuildBucket(n: number): void {
    this.engine.setShard(this.bucketName(n), [...this.indexed[n]!.values()]);
  }

  private rebuildRecent(): void {
    this.engine.setShard(`${this.group}/recent`, [...this.recent.values()]);
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
