/**
 * What domain services see of the workspace store: one handle per collection file.
 * Reads are synchronous from memory; writes go through `update`, which applies the
 * mutation in memory at once and resolves when it is durably on disk (atomic rename).
 * Bursts of updates are coalesced into one write.
 */
export interface CollectionHandle<T> {
  readonly name: string;
  /** The current value. Treat it as read-only; change it only inside `update`. */
  get(): T;
  /** Mutate a draft in place (or return a replacement). Resolves once written to disk. */
  update(mutator: (draft: T) => T | void): Promise<void>;
}
