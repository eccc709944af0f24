import type { Area, CoreContext } from '../core-context';
import type { importMethods } from '../api/methods/import';
import { importHandlers } from './handlers/import-handlers';
import { ImportJobs } from './handlers/import-jobs';
import { loadImportedDocuments } from './handlers/load-imported';
import type { RunImportOptions } from './handlers/run-import';

/**
 * Wires the import area into the core: the workspace's imported documents join the corpus
 * index at start (after leftovers of interrupted imports are removed), and imports, edits
 * and removals go through the handlers. Closing cancels running imports.
 */
export async function createImportArea(context: CoreContext, options: RunImportOptions = {}): Promise<Area<typeof importMethods>> {
  await loadImportedDocuments(context);
  const jobs = new ImportJobs();
  return {
    handlers: importHandlers(context, jobs, options),
    close: () => jobs.cancelAll(),
  };
}
