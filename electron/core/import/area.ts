import type { AnnotationsFace } from '../annotations/index.js';
import type { MetadataEdits } from '../metadata-edits/index.js';
import type { Area, CoreContext } from '../core-context.js';
import type { RecordChange } from '../store/index.js';
import type { ImportContext } from './handlers/import-context.js';
import { importHandlers } from './handlers/import-handlers.js';
import { ImportJobs } from './handlers/import-jobs.js';
import { Library, type LibraryRecord } from './handlers/library-records.js';
import { loadImportedDocument, loadImportedDocuments } from './handlers/load-imported.js';
import type { RunImportOptions } from './handlers/run-import.js';
import type { importMethods } from './methods.js';

/**
 * Wires the import area into the core: the workspace's imported documents join the corpus
 * index at start (after leftovers of interrupted imports are removed), and imports, edits
 * and removals go through the handlers. Documents another process imported or removed
 * (the CLI while the app runs) follow from the library's change notifications. Closing
 * cancels running imports.
 */
export interface ImportArea extends Area<typeof importMethods> {
  face: Library;
  /** Loads or drops the documents of library records received from a colleague (an exchange bundle, a sync), as for another process's changes. */
  followReceived(docIds: string[]): Promise<void>;
}

export async function createImportArea(
  core: CoreContext,
  deps: { annotations: AnnotationsFace; metadataEdits: MetadataEdits },
  options: RunImportOptions = {},
): Promise<ImportArea> {
  const library = new Library(core.workspace);
  const context: ImportContext = { ...core, library, annotations: deps.annotations, metadataEdits: deps.metadataEdits };
  await loadImportedDocuments(context);
  const jobs = new ImportJobs();
  const stop = library.records.subscribe((changes, origin) => {
    if (origin === 'external') void followExternalChanges(context, changes);
  });
  return {
    handlers: importHandlers(context, jobs, options),
    face: library,
    followReceived: (docIds) =>
      followExternalChanges(
        context,
        docIds.map((docId) => {
          const after = library.records.get(docId);
          return { seq: 0, collection: library.records.name, id: docId, rev: library.records.entry(docId)?.rev ?? '', deleted: after === undefined, ...(after ? { after } : {}) };
        }),
      ),
    close: async () => {
      stop();
      await jobs.cancelAll();
    },
  };
}

async function followExternalChanges(context: ImportContext, changes: Array<RecordChange<LibraryRecord>>): Promise<void> {
  for (const change of changes) {
    if (change.after) {
      const known = context.corpus.hasDocument(change.id);
      await loadImportedDocument(context, change.after);
      context.bus.emit('library.changed', { docId: change.id, change: known ? 'updated' : 'added' });
      context.publish('library.changed', { docId: change.id, change: known ? 'updated' : 'added' });
    } else if (change.deleted) {
      context.corpus.removeDocument(change.id);
      context.bus.emit('library.changed', { docId: change.id, change: 'removed' });
      context.publish('library.changed', { docId: change.id, change: 'removed' });
    }
  }
}
