import { EventEmitter } from 'node:events';
import packageJson from '../../package.json';
import type { EventChannel, EventPayloads, Handlers } from './api/contract';
import { createDispatch } from './api/dispatch';
import type { Dispatch } from './api/dispatch';
import { WorkbenchError } from './api/errors';
import { annotationsCollections, createAnnotationsArea } from './annotations';
import { DomainBus } from './core-context';
import type { Area, CoreContext } from './core-context';
import { CorpusIndex } from './corpus/corpus-index';
import { corpusHandlers } from './corpus/corpus-handlers';
import { loadCorpus } from './corpus/load';
import { deferredArea } from './deferred-area';
import { createDraftsArea, draftsCollections } from './drafts';
import { createEvidenceArea, evidenceCollections } from './evidence/index';
import { createImportArea, documentDir, documentsDir, importCollections, libraryCollection } from './import/index.js';
import { searchCollections } from './search/collections';
import { searchMethods } from './search/methods';
import { createMetadataEditsArea, metadataEditsCollections } from './metadata-edits';
import { createSettingsArea, settingsCollections } from './settings';
import { openWorkspace, type CompactionPolicy, type LockInfo, type Workspace, type WorkspaceUser } from './store';
import { createTeamArea, teamCollections, teamLocalCollections } from './team';
import { createExchangeArea } from './exchange';
import { createReferencesArea, referencesCollections } from './references';
import { createInterviewsArea, interviewsCollections } from './interviews';
import { topicsCollections } from './topics';
import { UserEntityService, userEntitiesCollections } from './user-entities';

/** Every collection of a workspace, each declared by the area that owns it. */
export const workspaceCollections = [
  ...annotationsCollections,
  ...topicsCollections,
  ...userEntitiesCollections,
  ...draftsCollections,
  ...importCollections,
  ...settingsCollections,
  ...metadataEditsCollections,
  ...evidenceCollections,
  ...searchCollections,
  ...teamCollections,
  ...referencesCollections,
  ...interviewsCollections,
];

/**
 * The collections exchange bundles (and sync) carry: everything but what is one person's
 * (where they were reading, what they searched) or this replica's own bookkeeping. An area
 * whose data must never leave the machine (an anonymisation key) adds its collection here.
 */
const localOnlyCollections = new Set<string>([...settingsCollections.map((definition) => definition.name), ...searchCollections.map((definition) => definition.name), ...teamLocalCollections]);
export const exchangedCollections = workspaceCollections.filter((definition) => !localOnlyCollections.has(definition.name));

export interface CoreOptions {
  workspaceDir: string;
  resourcesDir: string;
  /** Shown to another process that has to wait for this one to finish writing. */
  holder: string;
  readOnly?: boolean;
  /** Build search on the first search call instead of at open (the CLI: most commands never search). */
  deferSearch?: boolean;
  /**
   * Return only once search has built its posting lists, which it otherwise does in small
   * slices while idle after open (benchmarks measure saves and queries in the steady state).
   */
  awaitSearchWarmUp?: boolean;
  /** How long a write waits for another writer before failing with LOCKED (default 30 s). */
  lockWaitMs?: number;
  onLockWait?: (holder: LockInfo) => void;
  /** Follow what other processes write (the app does, so the CLI's changes show up at once). */
  watch?: boolean;
  /** Write as this user for this session only (the CLI's --user). */
  actAs?: WorkspaceUser;
  /** When journals fold into snapshots (tests and benchmarks change it). */
  compaction?: Partial<CompactionPolicy>;
  /** Methods only a host can implement (the Electron shell opens external links and prints PDFs). */
  hostHandlers?: Partial<Pick<Handlers, 'app.openExternal' | 'drafts.exportPdf' | 'import.pickFiles' | 'team.saveSyncLogin' | 'team.syncLogin' | 'team.saveBundleDialog' | 'team.openBundleDialog'>>;
  /** The sync name and password the host keeps (the app: the system keychain), used when a sync call gives none. */
  syncCredentials?: () => Promise<{ username: string; password: string } | undefined>;
}

type AnyListener = (channel: EventChannel, payload: EventPayloads[EventChannel]) => void;

export interface Core {
  workspace: Workspace;
  corpus: CorpusIndex;
  bus: DomainBus;
  dispatch: Dispatch;
  subscribe<C extends EventChannel>(channel: C, listener: (payload: EventPayloads[C]) => void): () => void;
  /** Every event on every channel (main forwards them all to the window). */
  subscribeAll(listener: AnyListener): () => void;
  close(): Promise<void>;
}

/** Opens a workspace over the bundled corpus and wires every area behind one dispatch. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const corpus = new CorpusIndex(await loadCorpus(options.resourcesDir));
  const workspace = await openWorkspace(options.workspaceDir, {
    collections: workspaceCollections,
    holder: options.holder,
    readOnly: options.readOnly ?? false,
    ...(options.lockWaitMs === undefined ? {} : { lockWaitMs: options.lockWaitMs }),
    ...(options.onLockWait ? { onLockWait: options.onLockWait } : {}),
    ...(options.watch ? { watch: true } : {}),
    ...(options.actAs ? { actAs: options.actAs } : {}),
    ...(options.compaction ? { compaction: options.compaction } : {}),
  });
  const events = new EventEmitter();
  const context: CoreContext = {
    workspace,
    corpus,
    resourcesDir: options.resourcesDir,
    bus: new DomainBus(),
    publish: (channel, payload) => events.emit('event', channel, payload),
  };
  const stopNotices = workspace.onNotice((raised) => context.publish('app.notice', raised));

  const areas: Array<Area<unknown>> = [];
  try {
    const userEntities = new UserEntityService(workspace);
    const annotations = await createAnnotationsArea(context, { userEntities });
    areas.push(annotations);
    const references = createReferencesArea(context);
    areas.push(references);
    const drafts = await createDraftsArea(context, { annotations: annotations.face, references: references.face });
    areas.push(drafts);
    const metadataEdits = createMetadataEditsArea(context);
    areas.push(metadataEdits);
    const imports = await createImportArea(context, { annotations: annotations.face, metadataEdits: metadataEdits.face });
    areas.push(imports);
    // Edits lie over imported documents too, so they start once those are in the index.
    metadataEdits.start();
    const settings = createSettingsArea(context);
    areas.push(settings);
    // Search follows the change feed from wherever it starts, so it may start late: loaded on
    // demand, a core that defers it never loads lunr and the index code.
    const buildSearch = async () => (await import('./search')).createSearchArea(context, { annotations: annotations.face, drafts: drafts.face, userEntities }, { awaitWarmUp: options.awaitSearchWarmUp ?? false });
    const search = options.deferSearch ? deferredArea(searchMethods, buildSearch) : await buildSearch();
    areas.push(search);
    const evidence = await createEvidenceArea(context, { annotations: annotations.face });
    areas.push(evidence);
    const team = createTeamArea(context, {
      annotations: annotations.face,
      exchanged: exchangedCollections,
      ...(options.syncCredentials ? { syncCredentials: options.syncCredentials } : {}),
      library: { collection: libraryCollection.name, documentDir: (docId) => documentDir(workspace.dir, docId), documentsDir: documentsDir(workspace.dir), followReceived: (docIds) => imports.followReceived(docIds), files: imports.documentFiles },
    });
    areas.push(team);
    // The W3C export names each annotation's creator.
    annotations.nameUsersWith(() => new Map(team.face.users().map((user) => [user.id, user.name])));
    const exchange = createExchangeArea(context, {
      annotations: annotations.face,
      team: team.face,
      imports,
      documentDir: (docId) => documentDir(workspace.dir, docId),
      origin: `${packageJson.productName} ${packageJson.version}`,
    });
    areas.push(exchange);
    // Reference files (.bib, .ris, CSL-JSON) go to the reference library; projects, codebooks
    // and W3C / Hypothesis annotations to the exchange area. A .json is told apart by shape.
    imports.setProjectImporter(async (filePath, fileName) => {
      const format = await references.formatOf(filePath, fileName);
      return format && format !== 'annotations' ? references.importFile(filePath, fileName, format) : exchange.importFile(filePath, fileName);
    });
    const interviews = createInterviewsArea(context, { annotations: annotations.face, content: imports.content, userEntities: () => userEntities.list(), metadataEdits: metadataEdits.face });
    areas.push(interviews);

    const handlers: Handlers = {
      'app.info': () => ({
        name: packageJson.productName,
        version: packageJson.version,
        workspace: workspace.dir,
        readOnly: workspace.readOnly,
        schemaVersions: workspace.schemaVersions,
        corpusSchemaVersion: corpus.corpus.schemaVersion,
        projectId: workspace.identity.projectId,
        user: workspace.user,
        counts: {
          documents: corpus.allDocuments().length,
          bundledDocuments: corpus.allDocuments().filter((document) => document.origin === 'bundled').length,
          importedDocuments: imports.face.records.size,
          passages: corpus.corpus.passages.length,
          footnotes: corpus.corpus.footnotes.length,
          entities: corpus.entities().length + userEntities.count,
          recommendations: corpus.corpus.recommendations.length,
          annotations: annotations.face.annotations.count,
          topics: annotations.face.topics.count,
          drafts: drafts.face.all().length,
          references: references.face.records.size,
        },
      }),
      'app.notices': () => [...workspace.notices],
      'app.identity': () => ({ ...workspace.identity, actingAs: workspace.user }),
      'app.setUser': (user) => team.setUser(user.id === undefined ? { name: user.name } : { name: user.name, id: user.id }),
      'app.openExternal': () => {
        throw new WorkbenchError('UNSUPPORTED', 'Opening links in the system browser is only possible in the desktop app.');
      },
      ...corpusHandlers(corpus),
      ...settings.handlers,
      ...search.handlers,
      ...annotations.handlers,
      ...drafts.handlers,
      ...imports.handlers,
      ...metadataEdits.handlers,
      ...evidence.handlers,
      ...team.handlers,
      ...exchange.handlers,
      ...references.handlers,
      ...interviews.handlers,
      ...options.hostHandlers,
    };

    return {
      workspace,
      corpus,
      bus: context.bus,
      dispatch: createDispatch(handlers),
      subscribe(channel, listener) {
        const filtered: AnyListener = (eventChannel, payload) => {
          if (eventChannel === channel) listener(payload as EventPayloads[typeof channel]);
        };
        events.on('event', filtered);
        return () => events.off('event', filtered);
      },
      subscribeAll(listener) {
        events.on('event', listener);
        return () => events.off('event', listener);
      },
      async close() {
        try {
          for (const area of areas.reverse()) await area.close?.();
        } finally {
          stopNotices();
          await workspace.close();
        }
      },
    };
  } catch (error) {
    for (const area of areas.reverse()) await area.close?.().catch(() => undefined);
    stopNotices();
    await workspace.close();
    throw error;
  }
}
