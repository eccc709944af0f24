import { EventEmitter } from 'node:events';
import packageJson from '../../package.json';
import type { EventChannel, EventPayloads, Handlers } from './api/contract';
import { createDispatch } from './api/dispatch';
import type { Dispatch } from './api/dispatch';
import { WorkbenchError } from './api/errors';
import { createAnnotationsArea } from './annotations/area';
import { DomainBus } from './core-context';
import type { CoreContext } from './core-context';
import { CorpusIndex } from './corpus/corpus-index';
import { corpusHandlers } from './corpus/corpus-handlers';
import { loadCorpus } from './corpus/load';
import { createDraftsArea } from './drafts/area';
import { createImportArea } from './import/area';
import { searchMethods } from './api/methods/search';
import { deferredArea } from './deferred-area';
import { createEvidenceArea } from './evidence/index';
import { settingsHandlers } from './settings/settings-handlers';
import { openWorkspace, Workspace } from './store';

export interface CoreOptions {
  workspaceDir: string;
  resourcesDir: string;
  /** Shown to another process that finds the workspace locked. */
  holder: string;
  readOnly?: boolean;
  /** Build search on the first search call instead of at open (the CLI: most commands never search). */
  deferSearch?: boolean;
  /** Methods only a host can implement (the Electron shell opens external links and prints PDFs). */
  hostHandlers?: Partial<Pick<Handlers, 'app.openExternal' | 'drafts.exportPdf' | 'import.pickFiles'>>;
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
  const workspace = await openWorkspace(options.workspaceDir, { holder: options.holder, readOnly: options.readOnly ?? false });
  const events = new EventEmitter();
  const context: CoreContext = {
    workspace,
    corpus,
    resourcesDir: options.resourcesDir,
    bus: new DomainBus(),
    publish: (channel, payload) => events.emit('event', channel, payload),
  };

  try {
    // Order matters where areas listen to each other: search first, so it sees every change.
    // Loaded on demand so that a core that defers search never loads lunr and the index code.
    const buildSearch = async () => (await import('./search/area')).createSearchArea(context);
    const search = options.deferSearch ? deferredArea(searchMethods, buildSearch) : await buildSearch();
    const annotations = await createAnnotationsArea(context);
    const drafts = await createDraftsArea(context);
    const imports = await createImportArea(context);
    const evidence = await createEvidenceArea(context);
    const areas = [search, annotations, drafts, imports, evidence];

    const handlers: Handlers = {
      'app.info': () => ({
        name: packageJson.productName,
        version: packageJson.version,
        workspace: workspace.dir,
        readOnly: workspace.readOnly,
        schemaVersions: Workspace.schemaVersions,
        corpusSchemaVersion: corpus.corpus.schemaVersion,
        counts: {
          documents: corpus.allDocuments().length,
          bundledDocuments: corpus.allDocuments().filter((document) => document.origin === 'bundled').length,
          importedDocuments: workspace.library.get().documents.length,
          passages: corpus.corpus.passages.length,
          footnotes: corpus.corpus.footnotes.length,
          entities: corpus.entities().length + workspace.userEntities.get().entities.length,
          recommendations: corpus.corpus.recommendations.length,
          annotations: workspace.annotations.get().annotations.length,
          topics: workspace.topics.get().topics.length,
          drafts: workspace.drafts.get().drafts.length,
        },
      }),
      'app.notices': () => workspace.notices,
      'app.openExternal': () => {
        throw new WorkbenchError('UNSUPPORTED', 'Opening links in the system browser is only possible in the desktop app.');
      },
      ...corpusHandlers(corpus),
      ...settingsHandlers(workspace),
      ...search.handlers,
      ...annotations.handlers,
      ...drafts.handlers,
      ...imports.handlers,
      ...evidence.handlers,
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
          await workspace.close();
        }
      },
    };
  } catch (error) {
    await workspace.close();
    throw error;
  }
}
