import type { CollectionHandle } from '../../../../electron/core/store/types';

/**
 * The store contract in memory: mutations apply at once, and each update counts as one
 * write, so tests can check that a change costs exactly one. `failNextWrite` simulates a
 * disk error after the mutation (as a real store would report it).
 */
export class MemoryCollection<T> implements CollectionHandle<T> {
  writes = 0;
  failNextWrite = false;

  constructor(
    readonly name: string,
    private value: T,
  ) {}

  get(): T {
    return this.value;
  }

  async update(mutator: (draft: T) => T | void): Promise<void> {
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('disk full');
    }
    const replacement = mutator(this.value);
    if (replacement !== undefined) this.value = replacement;
    this.writes += 1;
  }

  /** What would be on disk: a deep copy, to compare before and after. */
  snapshot(): T {
    return structuredClone(this.value);
  }
}
