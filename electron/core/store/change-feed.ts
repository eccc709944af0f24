/**
 * The workspace's change feed: every record's latest change, in workspace sequence order,
 * like CouchDB's `_changes`. Kept as a log of (seq, record) in order plus the latest seq
 * per record; an entry whose record changed again later is skipped when read, and the log
 * is rebuilt when such entries pile up.
 */
export interface FeedEntry {
  seq: number;
  collection: string;
  id: string;
}

export class ChangeFeed {
  private log: FeedEntry[] = [];
  private readonly latest = new Map<string, number>();

  /**
   * Records a change. Changes come in sequence order, except after another process's
   * compaction, when a collection is read again and its journal's lines may be older than
   * the newest change seen elsewhere: those are put in their place.
   */
  record(seq: number, collection: string, id: string): void {
    const compound = key(collection, id);
    if ((this.latest.get(compound) ?? -1) >= seq) return;
    this.latest.set(compound, seq);
    const last = this.log.at(-1);
    if (!last || seq > last.seq) this.log.push({ seq, collection, id });
    else this.log.splice(this.firstAfter(seq), 0, { seq, collection, id });
    if (this.log.length > 1024 && this.log.length > 2 * this.latest.size) this.rebuild();
  }

  /** Replaces everything, e.g. after loading: one entry per record, any order. */
  reset(entries: Iterable<FeedEntry>): void {
    this.latest.clear();
    for (const entry of entries) this.latest.set(key(entry.collection, entry.id), entry.seq);
    this.rebuild();
  }

  /** Forgets a collection's entries, then adds its records again (after reloading it). */
  replaceCollection(collection: string, entries: Iterable<FeedEntry>): void {
    const prefix = `${collection}\u0000`;
    for (const compound of [...this.latest.keys()]) if (compound.startsWith(prefix)) this.latest.delete(compound);
    for (const entry of entries) this.latest.set(key(entry.collection, entry.id), entry.seq);
    this.rebuild();
  }

  /** Latest changes after `since`, in order. */
  *after(since: number): Generator<FeedEntry> {
    for (let index = this.firstAfter(since); index < this.log.length; index++) {
      const entry = this.log[index]!;
      if (this.latest.get(key(entry.collection, entry.id)) === entry.seq) yield entry;
    }
  }

  /** The position of the first entry with a sequence above `since`. */
  private firstAfter(since: number): number {
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.log[middle]!.seq <= since) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  get lastSeq(): number {
    return this.log.at(-1)?.seq ?? 0;
  }

  private rebuild(): void {
    this.log = [...this.latest.entries()]
      .map(([compound, seq]) => {
        const separator = compound.indexOf('\u0000');
        return { seq, collection: compound.slice(0, separator), id: compound.slice(separator + 1) };
      })
      .sort((a, b) => a.seq - b.seq);
  }
}

function key(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}
