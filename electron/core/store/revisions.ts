import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * Revisions the way CouchDB keeps them, so that a replicator can send them as they are.
 *
 * A revision is `N-<32 hex>`: N is the generation (1 for a new record, +1 per change) and
 * the hex is the md5 of the parent revision and the canonical JSON of the new content, so
 * the same change made on the same parent gives the same revision everywhere.
 *
 * A record is a small revision tree kept as its leaves: the winner (what `get` returns) and
 * the losing branches (`conflicts`), each with its ancestry (`revisions`, newest first,
 * bounded). Deletions are leaves too (tombstones), so they can travel.
 */

export const maxRevisions = 100;

const revisionPattern = /^([1-9][0-9]*)-([0-9a-f]{32})$/;

export function isRevision(value: string): boolean {
  return revisionPattern.test(value);
}

export function generation(rev: string): number {
  const match = revisionPattern.exec(rev);
  if (!match) throw new Error(`"${rev}" is not a revision (N-<32 hex>).`);
  return Number(match[1]);
}

/** One leaf of a record's revision tree: a version of the record, or a tombstone. */
export interface Leaf<T = unknown> {
  rev: string;
  /** This revision and its ancestors, newest first (at most `maxRevisions`). */
  revisions: string[];
  deleted?: true;
  /** The user id that made this revision, and when (ISO 8601). */
  author: string;
  at: string;
  /** Absent on tombstones. */
  record?: T;
}

/** What the store keeps per record id: the winning leaf, its losing branches, and its last change. */
export interface StoredRecord<T = unknown> extends Leaf<T> {
  /** The workspace sequence number of the record's latest change (the change feed's order). */
  seq: number;
  /** Losing branches, kept until resolved; `deleted` ones are resolved or deleted branches. */
  conflicts?: Array<Leaf<T>>;
}

/** A revision to apply: made here (ancestry = [rev, parent]) or received (full ancestry). */
export interface IncomingRevision<T = unknown> {
  rev: string;
  revisions: string[];
  deleted?: boolean;
  author: string;
  at: string;
  record?: T;
}

export type ApplyOutcome = 'created' | 'extended' | 'branched' | 'known';

/** The revision that follows `parent` with this content. */
export function nextRevision(parent: string | undefined, content: { deleted?: boolean; record?: unknown }): string {
  const nextGeneration = parent === undefined ? 1 : generation(parent) + 1;
  const body = content.deleted ? '{"_deleted":true}' : canonicalJson(content.record);
  // One-shot: a save hashes one record, and a Hash object costs more to set up than to feed.
  return `${nextGeneration}-${hash('md5', `${parent ?? ''}\n${body}`, 'hex')}`;
}

export function leavesOf<T>(state: StoredRecord<T>): Array<Leaf<T>> {
  return [toLeaf(state), ...(state.conflicts ?? [])];
}

/** True when the revision is a leaf of the record or an ancestor of one. */
export function knowsRevision(state: StoredRecord | undefined, rev: string): boolean {
  if (!state) return false;
  return leavesOf(state).some((leaf) => leaf.rev === rev || leaf.revisions.includes(rev));
}

/**
 * CouchDB's choice of winner, so every replica picks the same one: a live leaf beats a
 * tombstone, then the higher generation, then the higher revision string.
 */
export function compareLeaves(a: Leaf, b: Leaf): number {
  if (Boolean(a.deleted) !== Boolean(b.deleted)) return a.deleted ? 1 : -1;
  const byGeneration = generation(b.rev) - generation(a.rev);
  if (byGeneration !== 0) return byGeneration;
  return a.rev < b.rev ? 1 : a.rev > b.rev ? -1 : 0;
}

/**
 * Adds a revision to a record's tree. If it extends a leaf, it replaces that leaf; if it
 * is already known, nothing changes; otherwise it starts a new branch (a conflict). The
 * winner is then chosen again. Pure: returns a new state.
 */
export function applyRevision<T>(current: StoredRecord<T> | undefined, incoming: IncomingRevision<T>, seq: number): { state: StoredRecord<T>; outcome: ApplyOutcome } {
  const leaf: Leaf<T> = {
    rev: incoming.rev,
    revisions: incoming.revisions.slice(0, maxRevisions),
    ...(incoming.deleted ? { deleted: true as const } : {}),
    author: incoming.author,
    at: incoming.at,
    ...(incoming.deleted || incoming.record === undefined ? {} : { record: incoming.record }),
  };
  if (!current) return { state: fromLeaves([leaf], seq), outcome: 'created' };
  if (knowsRevision(current, incoming.rev)) return { state: current, outcome: 'known' };

  const leaves = leavesOf(current);
  const extendedIndex = leaves.findIndex((candidate) => incoming.revisions.indexOf(candidate.rev) > 0);
  if (extendedIndex === -1) return { state: fromLeaves([...leaves, leaf], seq), outcome: 'branched' };
  const parent = leaves[extendedIndex]!;
  const cut = incoming.revisions.indexOf(parent.rev);
  // The incoming ancestry may be shorter than ours: keep the older part we know.
  const merged = { ...leaf, revisions: [...incoming.revisions.slice(0, cut), ...parent.revisions].slice(0, maxRevisions) };
  leaves[extendedIndex] = merged;
  return { state: fromLeaves(leaves, seq), outcome: 'extended' };
}

function fromLeaves<T>(leaves: Array<Leaf<T>>, seq: number): StoredRecord<T> {
  const sorted = [...leaves].sort(compareLeaves);
  const [winner, ...losers] = sorted as [Leaf<T>, ...Array<Leaf<T>>];
  return { ...winner, seq, ...(losers.length > 0 ? { conflicts: losers } : {}) };
}

export function toLeaf<T>(state: StoredRecord<T>): Leaf<T> {
  return {
    rev: state.rev,
    revisions: state.revisions,
    ...(state.deleted ? { deleted: true as const } : {}),
    author: state.author,
    at: state.at,
    ...(state.record === undefined ? {} : { record: state.record }),
  };
}

/** Live losing branches: what makes a record conflicted. */
export function liveConflicts<T>(state: StoredRecord<T>): Array<Leaf<T>> {
  return (state.conflicts ?? []).filter((leaf) => !leaf.deleted);
}

/** An ancestry in CouchDB's `_revisions` form: `{start: 3, ids: [hash3, hash2, hash1]}`. */
export function toCouchRevisions(revisions: readonly string[]): { start: number; ids: string[] } {
  const start = generation(revisions[0]!);
  return { start, ids: revisions.map((rev) => rev.slice(rev.indexOf('-') + 1)) };
}

/** The reverse of `toCouchRevisions`. */
export function fromCouchRevisions(revisions: { start: number; ids: readonly string[] }): string[] {
  return revisions.ids.map((id, index) => `${revisions.start - index}-${id}`);
}

/** An ancestry must start with its revision and count down one generation per step. */
export function checkAncestry(rev: string, revisions: readonly string[]): string | undefined {
  if (!isRevision(rev)) return `"${rev}" is not a revision (N-<32 hex>)`;
  if (revisions[0] !== rev) return 'revisions must start with the revision itself';
  for (let index = 0; index < revisions.length; index++) {
    const candidate = revisions[index]!;
    if (!isRevision(candidate)) return `"${candidate}" is not a revision`;
    if (generation(candidate) !== generation(rev) - index) return 'revisions must count down one generation at a time';
  }
  return undefined;
}
