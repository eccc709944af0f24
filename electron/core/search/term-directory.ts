/**
 * Which shards hold each index term. A query's words are looked up here once instead of in
 * every shard's vocabulary: with a bucket per few hundred annotations and a shard per
 * imported document, most shards hold none of a rare word, and asking each of them in turn
 * cost more than scoring the shards that do (most of all after a save, when none of those
 * vocabularies is in the processor's caches).
 */
import type { ShardBase } from './shard';

const NONE: readonly ShardBase[] = Object.freeze([]);

export class TermDirectory {
  private readonly holders = new Map<string, ShardBase[]>();

  /** The shards whose vocabulary has `term`. */
  shardsWith(term: string): readonly ShardBase[] {
    return this.holders.get(term) ?? NONE;
  }

  addShard(shard: ShardBase): void {
    for (const term of shard.vocabulary()) this.addTerm(term, shard);
  }

  removeShard(shard: ShardBase): void {
    for (const term of shard.vocabulary()) this.removeTerm(term, shard);
  }

  addTerm(term: string, shard: ShardBase): void {
    const shards = this.holders.get(term);
    if (!shards) this.holders.set(term, [shard]);
    else if (!shards.includes(shard)) shards.push(shard);
  }

  removeTerm(term: string, shard: ShardBase): void {
    const shards = this.holders.get(term);
    if (!shards) return;
    const at = shards.indexOf(shard);
    if (at < 0) return;
    if (shards.length === 1) this.holders.delete(term);
    else shards.splice(at, 1);
  }
}
