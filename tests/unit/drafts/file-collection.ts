import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { CollectionHandle } from '../../../electron/core/store/types';

/**
 * A tiny stand-in for the workspace store: one JSON file, written the way the store
 * writes (temp file, then rename), so a test can kill it between the two steps.
 */
export class FileCollection<T> implements CollectionHandle<T> {
  readonly name = 'drafts';
  private value: T;
  private queue: Promise<void> = Promise.resolve();
  /** Set by a test to simulate the process dying after the temp file is written but before the rename. */
  crashBeforeRename = false;

  constructor(
    readonly path: string,
    defaults: () => T,
  ) {
    this.value = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : defaults();
  }

  get(): T {
    return this.value;
  }

  update(mutator: (draft: T) => T | void): Promise<void> {
    const replaced = mutator(this.value);
    if (replaced !== undefined) this.value = replaced;
    const bytes = JSON.stringify(this.value);
    this.queue = this.queue.then(async () => {
      const temp = `${this.path}.tmp`;
      if (this.crashBeforeRename) {
        // Half the bytes reach the temp file; the rename never happens.
        await writeFile(temp, bytes.slice(0, Math.floor(bytes.length / 2)));
        throw new Error('simulated crash');
      }
      await writeFile(temp, bytes);
      await rename(temp, this.path);
    });
    return this.queue;
  }
}
