import type { CoreContext } from '../../core-context.js';
import { readImportedDocument } from '../manage-imported.js';
import { cleanupInterruptedImports } from '../manage-imported.js';
import { libraryRecords } from './library-records.js';

export interface LoadedLibrary {
  loaded: string[];
  /** Library entries whose saved data could not be read; they stay in library.json untouched. */
  unreadable: Array<{ docId: string; message: string }>;
}

/**
 * At start: removes what interrupted imports left (only when this core may write), then
 * puts every imported document of the library into the corpus index, so it is listed,
 * read and searched like a bundled paper.
 */
export async function loadImportedDocuments(context: CoreContext): Promise<LoadedLibrary> {
  const { workspace } = context;
  if (!workspace.readOnly) await cleanupInterruptedImports(workspace.dir);
  const result: LoadedLibrary = { loaded: [], unreadable: [] };
  for (const record of libraryRecords(workspace)) {
    try {
      const imported = await readImportedDocument(workspace.dir, record.id);
      context.corpus.addDocument(imported.document, imported.passages, imported.footnotes);
      result.loaded.push(record.id);
    } catch (error) {
      result.unreadable.push({ docId: record.id, message: (error as Error).message });
    }
  }
  return result;
}
