import { mkdir, stat } from 'node:fs/promises';
import { WorkbenchError } from '../api/errors';
import type { CollectionDefinition } from './collection-definition';
import { Collection } from './collection';
import { acquireWorkspaceLock } from './lock';
import type { StoreNotice } from './notices';
import {
  annotationsCollection,
  draftsCollection,
  libraryCollection,
  settingsCollection,
  topicsCollection,
  userEntitiesCollection,
  workspaceCollections,
} from './workspace-collections';

export interface OpenWorkspaceOptions {
  /** Who holds the lock, shown to a second process that is refused ("the app", "the CLI"). */
  holder: string;
  /** Read-only opens take no lock and never write (CLI reads while the app runs). */
  readOnly?: boolean;
}

/** A workspace folder: one lowdb file per collection, backups, and imported documents. */
export class Workspace {
  readonly notices: StoreNotice[] = [];

  private constructor(
    readonly dir: string,
    readonly readOnly: boolean,
    private readonly releaseLock: () => void,
    readonly annotations: Collection<ReturnType<(typeof annotationsCollection)['defaults']>>,
    readonly topics: Collection<ReturnType<(typeof topicsCollection)['defaults']>>,
    readonly userEntities: Collection<ReturnType<(typeof userEntitiesCollection)['defaults']>>,
    readonly drafts: Collection<ReturnType<(typeof draftsCollection)['defaults']>>,
    readonly library: Collection<ReturnType<(typeof libraryCollection)['defaults']>>,
    readonly settings: Collection<ReturnType<(typeof settingsCollection)['defaults']>>,
  ) {}

  static async open(dir: string, options: OpenWorkspaceOptions): Promise<Workspace> {
    const readOnly = options.readOnly ?? false;
    // A read-only open of a folder that does not exist yet reads as an empty workspace.
    await ensureDirectory(dir, !readOnly);
    const release = readOnly ? () => {} : acquireWorkspaceLock(dir, options.holder);
    const notices: StoreNotice[] = [];
    try {
      const open = <T>(definition: CollectionDefinition<T>) =>
        Collection.open(definition, dir, { readOnly, notify: (notice) => notices.push(notice) });
      const workspace = new Workspace(
        dir,
        readOnly,
        release,
        await open(annotationsCollection),
        await open(topicsCollection),
        await open(userEntitiesCollection),
        await open(draftsCollection),
        await open(libraryCollection),
        await open(settingsCollection),
      );
      workspace.notices.push(...notices);
      return workspace;
    } catch (error) {
      release();
      throw error;
    }
  }

  get collections(): Array<Collection<unknown>> {
    return [this.annotations, this.topics, this.userEntities, this.drafts, this.library, this.settings] as Array<Collection<unknown>>;
  }

  static get schemaVersions(): Record<string, number> {
    return Object.fromEntries(workspaceCollections.map((definition) => [definition.name, definition.version]));
  }

  async close(): Promise<void> {
    try {
      await Promise.all(this.collections.map((collection) => collection.flush()));
    } finally {
      this.releaseLock();
    }
  }
}

async function ensureDirectory(dir: string, create: boolean): Promise<void> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      throw new WorkbenchError('BAD_REQUEST', `The workspace path ${dir} is a file, not a folder. Choose a folder.`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (create) await mkdir(dir, { recursive: true });
  }
}

export function openWorkspace(dir: string, options: OpenWorkspaceOptions): Promise<Workspace> {
  return Workspace.open(dir, options);
}
