import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join as joinPath } from 'node:path';
import type { AnnotationsFace } from '../annotations';
import type { DocumentFilesFace } from '../import';
import type { Area, CoreContext } from '../core-context';
import type { AnyCollectionDefinition, Transaction, WorkspaceUser } from '../store';
import type { TeamUserView } from './users';
import { computeAgreement } from './agreement';
import { conflictView, listConflicts, stageResolution } from './conflicts';
import type { MergeResult, TeamProgressEvent, teamMethods } from './methods';
import { listUsers, stageUser, usersCollection } from './users';
import { checkServerUrl, syncSettingsCollection } from './sync-settings';
import { WorkbenchError } from '../api/errors';

export interface TeamDeps {
  annotations: AnnotationsFace;
  /** The collections that travel in bundles (and sync): everything but what is one person's or this replica's. */
  exchanged: readonly AnyCollectionDefinition[];
  /** The imported documents: their library collection, where their files are, and how to load received ones. */
  library: { collection: string; documentDir: (docId: string) => string; documentsDir: string; followReceived: (docIds: string[]) => Promise<void>; files: DocumentFilesFace };
  workerUrl?: URL;
  /** Where the app keeps the sync name and password (the system keychain); the CLI passes them per call. */
  syncCredentials?: () => Promise<{ username: string; password: string } | undefined>;
}

/** What other areas may use of the team area: the project's users, listed and added. */
export interface TeamFace {
  /** Everyone known, the current user first (authors seen on annotations included). */
  users(): TeamUserView[];
  /** Adds or renames a user inside the caller's transaction (a project imported from another tool brings its coders). */
  stageUser(tx: Transaction, user: { id: string; name: string }): void;
}

export interface TeamArea extends Area<typeof teamMethods> {
  face: TeamFace;
  /** Makes someone the current user and adds them to the project's users (`app.setUser`). */
  setUser(input: { name: string; id?: string }): Promise<WorkspaceUser>;
}

/** The team area: users, exchange bundles, conflicts, inter-coder agreement. */
export function createTeamArea(context: CoreContext, deps: TeamDeps): TeamArea {
  const { workspace } = context;
  const definitionOf = (name: string): AnyCollectionDefinition => {
    const found = deps.exchanged.find((definition) => definition.name === name);
    if (!found) throw new WorkbenchError('NOT_FOUND', `There is no collection ${name} whose conflicts can be resolved.`);
    return found;
  };
  const authorIds = () => deps.annotations.annotations.all().map((annotation) => deps.annotations.annotations.coderOf(annotation));
  const names = () => Object.fromEntries(listUsers(workspace, authorIds()).map((user) => [user.id, user.name]));
  const reportProgress = (operation: TeamProgressEvent['operation']) => (progress: Omit<TeamProgressEvent, 'operation'>) => context.publish('team.progress', { operation, ...progress });

  const mergeFile = async (file: string, join: boolean | undefined): Promise<MergeResult> => {
    const progress = reportProgress('merge');
    try {
      const [{ readBundle }, { mergeBundle }] = await Promise.all([import('./read-bundle'), import('./merge-bundle')]);
      progress({ stage: 'reading' });
      const bundle = await readBundle(file, deps.workerUrl ? { workerUrl: deps.workerUrl } : {});
      return await mergeBundle(workspace, deps.exchanged, bundle, {
        fileName: file.split(/[\\/]/).pop() ?? file,
        ...(join ? { join } : {}),
        documentsDir: deps.library.documentsDir,
        libraryCollection: deps.library.collection,
        onLibraryReceived: deps.library.followReceived,
        documentProblem: (docId, record, files) => deps.library.files.problem(docId, record, files),
        documentFiles: deps.library.files,
        onProgress: progress,
      });
    } finally {
      progress({ stage: 'done' });
    }
  };

  return {
    face: {
      users: () => listUsers(workspace, authorIds()),
      stageUser: (tx, user) => stageUser(tx, user),
    },
    async setUser(input) {
      const user = await workspace.setUser(input);
      await workspace.transact((tx) => stageUser(tx, user));
      return user;
    },
    handlers: {
      'team.users': () => ({ users: listUsers(workspace, authorIds()), confirmed: workspace.records(usersCollection).has(workspace.user.id) }),
      // Bundles load their code (and jszip) on first use: opening the core for `info` or `search` need not.
      'team.exportBundle': async ({ out, since }) => {
        const progress = reportProgress('export');
        try {
          return await (await import('./export-bundle')).exportBundle(workspace, deps.exchanged, {
            out,
            ...(since === undefined ? {} : { since }),
            documentDir: deps.library.documentDir,
            libraryCollection: deps.library.collection,
            onProgress: progress,
          });
        } finally {
          progress({ stage: 'done' });
        }
      },
      'team.mergeBundle': ({ file, join }) => mergeFile(file, join),
      'team.mergeBundleBytes': async ({ fileName, base64, join }) => {
        // Written to a private temporary folder under its own name, merged like a chosen file, then removed.
        const dir = await mkdtemp(joinPath(tmpdir(), 'workbench-bundle-'));
        try {
          const file = joinPath(dir, basename(fileName));
          await writeFile(file, Buffer.from(base64, 'base64'));
          return await mergeFile(file, join);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
      'team.saveBundleDialog': () => {
        throw new WorkbenchError('UNSUPPORTED', 'Choosing where to save a bundle needs the desktop app; the CLI takes --out FILE.');
      },
      'team.openBundleDialog': () => {
        throw new WorkbenchError('UNSUPPORTED', 'Choosing a bundle to merge needs the desktop app; the CLI takes the file: workbench exchange merge FILE.');
      },
      'team.conflicts': () => listConflicts(workspace, deps.exchanged),
      'team.resolveConflict': async ({ collection, id, rev, record }) => {
        const definition = definitionOf(collection);
        const resolved = await workspace.transact((tx) => stageResolution(tx, workspace, definition, id, rev === undefined ? { record } : { rev }, workspace.user.id));
        if (conflictView(workspace, definition, id)) throw new WorkbenchError('INTERNAL', `${collection} ${id} is still in conflict after the choice.`);
        if (collection === deps.library.collection) {
          // The chosen version's files, if they lost here before and were kept aside.
          await deps.library.files.follow(id, workspace.records(definition).get(id));
          await deps.library.followReceived([id]);
        }
        return { rev: resolved };
      },
      'team.saveSyncLogin': () => {
        throw new WorkbenchError('UNSUPPORTED', 'Keeping the sync password in the system keychain is only possible in the desktop app; the CLI takes it from --password-file or WORKBENCH_SYNC_PASSWORD.');
      },
      'team.syncLogin': () => ({ username: null }),
      'team.syncSettings': () => workspace.records(syncSettingsCollection).get('server') ?? null,
      'team.sync': async ({ server, username, password }) => {
        const saved = workspace.records(syncSettingsCollection).get('server');
        const address = server ?? saved?.url;
        if (!address) throw new WorkbenchError('BAD_REQUEST', 'No sync server is configured: give its address (workbench sync --server URL).');
        let url: URL;
        try {
          url = checkServerUrl(address);
        } catch (error) {
          throw new WorkbenchError('BAD_REQUEST', (error as Error).message);
        }
        if ((username === undefined) !== (password === undefined)) throw new WorkbenchError('BAD_REQUEST', 'Give both a name and a password, or neither.');
        const credentials = username !== undefined && password !== undefined ? { username, password } : await deps.syncCredentials?.();
        const { syncWithServer } = await import('./sync');
        const result = await syncWithServer(workspace, deps.exchanged, { collection: deps.library.collection, files: deps.library.files }, url, credentials);
        await workspace.transact((tx) =>
          tx.put(syncSettingsCollection, {
            id: 'server',
            url: url.href,
            lastSync: { at: new Date().toISOString(), pushed: result.pushed, added: result.added, updated: result.updated, unchanged: result.unchanged, conflicts: result.conflicts },
          }),
        );
        const libraryIds = result.received.filter((record) => record.collection === deps.library.collection).map((record) => record.id);
        if (libraryIds.length > 0) await deps.library.followReceived(libraryIds);
        return result;
      },
      'team.agreement': ({ topicIds, docIds, coders, includeSubtopics }) => ({
        ...computeAgreement(deps.annotations, context.corpus, { ...(topicIds ? { topicIds } : {}), ...(docIds ? { docIds } : {}), ...(coders ? { coders } : {}), ...(includeSubtopics ? { includeSubtopics } : {}) }),
        names: names(),
      }),
    },
  };
}
