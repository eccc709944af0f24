import { EventEmitter } from 'node:events';
import packageJson from '../../package.json';
import type { EventChannel, EventPayloads, Handlers } from './api/contract';
import { createDispatch } from './api/dispatch';
import type { Dispatch } from './api/dispatch';
import { WorkbenchError } from './api/errors';
import { CorpusIndex } from './corpus/corpus-index';
import { corpusHandlers } from './corpus/corpus-handlers';
import { loadCorpus } from './corpus/load';
import { settingsHandlers } from './settings/settings-handlers';
import { openWorkspace, Workspace } from './store';

export interface CoreOptions {
  workspaceDir: string;
  resourcesDir: string;
  /** Shown to another process that finds the workspace locked. */
  holder: string;
  readOnly?: boolean;
  /** Methods only a host can implement (the Electron shell opens external links). */
  hostHandlers?: Partial<Pick<Handlers, 'app.openExternal'>>;
}

export interface Core {
  workspace: Workspace;
  corpus: CorpusIndex;
  dispatch: Dispatch;
  subscribe<C extends EventChannel>(channel: C, listener: (payload: EventPayloads[C]) => void): () => void;
  emit<C extends EventChannel>(channel: C, payload: EventPayloads[C]): void;
  close(): Promise<void>;
}

/** Opens a workspace over the bundled corpus and wires every service behind one dispatch. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const corpus = new CorpusIndex(await loadCorpus(options.resourcesDir));
  const workspace = await openWorkspace(options.workspaceDir, { holder: options.holder, readOnly: options.readOnly ?? false });
  const events = new EventEmitter();

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
    ...options.hostHandlers,
  };

  return {
    workspace,
    corpus,
    dispatch: createDispatch(handlers),
    subscribe(channel, listener) {
      events.on(channel, listener);
      return () => events.off(channel, listener);
    },
    emit(channel, payload) {
      events.emit(channel, payload);
    },
    close: () => workspace.close(),
  };
}
