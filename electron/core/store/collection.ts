import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { CollectionDefinition } from './collection-definition';
import type { CollectionHandle } from './types';
import { checkEnvelope, serializeEnvelope } from './envelope';
import { listBackups, writeBackup } from './backups';
import type { StoreNotice } from './notices';
import { readFile } from 'node:fs/promises';

/** How often, at most, a backup is taken while the workspace stays open. */
const backupIntervalMs = 10 * 60 * 1000;

interface Stored<T> {
  schemaVersion: number;
  data: T;
}

/**
 * One collection file. Mutations apply in memory at once; the write to disk is scheduled
 * once per turn of the event loop, so a burst of updates becomes one atomic write
 * (lowdb/steno: temp file + rename). Each update's promise resolves after the write that
 * contains it has been renamed into place, i.e. when it is durable against a crash.
 */
export class Collection<T> implements CollectionHandle<T> {
  private pendingWaiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushScheduled = false;
  private writing: Promise<void> = Promise.resolve();
  private lastBackupAt = 0;

  private constructor(
    private readonly definition: CollectionDefinition<T>,
    private readonly workspaceDir: string,
    private readonly low: Low<Stored<T>>,
    private readonly readOnly: boolean,
  ) {}

  get name(): string {
    return this.definition.name;
  }

  static async open<T>(
    definition: CollectionDefinition<T>,
    workspaceDir: string,
    options: { readOnly: boolean; notify: (notice: StoreNotice) => void },
  ): Promise<Collection<T>> {
    const path = join(workspaceDir, `${definition.name}.json`);
    const adapter = new DataFile<Stored<T>>(path, {
      parse: (text) => JSON.parse(text) as Stored<T>,
      stringify: (value) => serializeEnvelope(value.schemaVersion, value.data),
    });
    const { data, needsWrite, goodText } = await loadOrRecover(definition, workspaceDir, path, options.notify);
    const low = new Low<Stored<T>>(adapter, { schemaVersion: definition.version, data });
    low.data = { schemaVersion: definition.version, data };
    const collection = new Collection(definition, workspaceDir, low, options.readOnly);
    if (!options.readOnly) {
      if (goodText) {
        await writeBackup(workspaceDir, definition.name, goodText);
        collection.lastBackupAt = Date.now();
      }
      if (needsWrite) await collection.flushNow();
    }
    return collection;
  }

  get(): T {
    return this.low.data.data;
  }

  update(mutator: (draft: T) => T | void): Promise<void> {
    if (this.readOnly) {
      return Promise.reject(new Error(`The ${this.name} collection was opened read-only.`));
    }
    const replacement = mutator(this.low.data.data);
    if (replacement !== undefined) this.low.data.data = replacement;
    return new Promise<void>((resolve, reject) => {
      this.pendingWaiters.push({ resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Resolves when everything updated so far is on disk. */
  async flush(): Promise<void> {
    if (this.pendingWaiters.length === 0) return this.writing;
    return new Promise<void>((resolve, reject) => {
      this.pendingWaiters.push({ resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const waiters = this.pendingWaiters;
      this.pendingWaiters = [];
      this.writing = this.writing
        .then(() => this.flushNow())
        .then(
          () => waiters.forEach((waiter) => waiter.resolve()),
          (error: unknown) => waiters.forEach((waiter) => waiter.reject(error)),
        );
    });
  }

  private async flushNow(): Promise<void> {
    await this.low.write();
    if (Date.now() - this.lastBackupAt > backupIntervalMs) {
      this.lastBackupAt = Date.now();
      await writeBackup(this.workspaceDir, this.name, serializeEnvelope(this.definition.version, this.get()));
    }
  }
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Reads a collection file; a damaged one is moved aside (never deleted) and the newest
 * backup that passes the checks is restored. Only when no backup exists are defaults used,
 * and then the user is told where the damaged file went.
 */
async function loadOrRecover<T>(
  definition: CollectionDefinition<T>,
  workspaceDir: string,
  path: string,
  notify: (notice: StoreNotice) => void,
): Promise<{ data: T; needsWrite: boolean; goodText?: string }> {
  const text = await readText(path);
  if (text === undefined) return { data: definition.defaults(), needsWrite: true };
  const checked = checkEnvelope(definition, text);
  if (checked.ok) {
    if (checked.migratedFrom !== undefined) {
      notify({
        kind: 'migrated',
        collection: definition.name,
        message: `${definition.name} was upgraded from schema ${checked.migratedFrom} to ${definition.version}; the old file is kept in backups.`,
        at: new Date().toISOString(),
      });
    }
    return { data: checked.data, needsWrite: checked.migratedFrom !== undefined, goodText: text };
  }
  const at = new Date();
  const movedTo = join(workspaceDir, `${definition.name}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}.json`);
  await rename(path, movedTo);
  for (const backup of await listBackups(workspaceDir, definition.name)) {
    const restored = checkEnvelope(definition, await backup.read());
    if (restored.ok) {
      notify({
        kind: 'recovered-from-backup',
        collection: definition.name,
        message: `${definition.name}.json was damaged (${checked.reason}). It was moved to ${movedTo} and the backup from ${backup.path} was restored. Changes made after that backup may be missing; the damaged file is kept.`,
        movedTo,
        restoredFrom: backup.path,
        at: at.toISOString(),
      });
      return { data: restored.data, needsWrite: true };
    }
  }
  notify({
    kind: 'reset-without-backup',
    collection: definition.name,
    message: `${definition.name}.json was damaged (${checked.reason}) and no usable backup exists. It was moved to ${movedTo}; ${definition.name} starts empty. The damaged file is kept for recovery by hand.`,
    movedTo,
    at: at.toISOString(),
  });
  return { data: definition.defaults(), needsWrite: true };
}
