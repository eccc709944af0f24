import type { RemoveResult } from '../../api/methods/import.js';
import { WorkbenchError } from '../../api/errors.js';
import type { CoreContext } from '../../core-context.js';
import { removeImportedDocument } from '../manage-imported.js';
import { libraryRecords, removeLibraryRecord } from './library-records.js';

export type AnnotationsChoice = 'delete' | 'keep-as-orphans';

/**
 * Removes an imported document. Its annotations go as the user chose: deleted, or kept as
 * orphans (shown with their quote, never silently lost). The library entry goes first, so
 * a crash halfway leaves at worst a folder that nothing lists, never a listed document
 * without its content.
 */
export async function removeDocument(context: CoreContext, docId: string, choice: AnnotationsChoice): Promise<RemoveResult> {
  const { workspace } = context;
  if (workspace.readOnly) throw new WorkbenchError('LOCKED', 'Documents cannot be removed: this workspace is open read-only.');
  if (!libraryRecords(workspace).some((record) => record.id === docId)) {
    throw new WorkbenchError('NOT_FOUND', `There is no imported document ${docId} in this workspace. Bundled papers cannot be removed.`, { docId });
  }

  const ofDocument = (entry: Record<string, unknown>) => entry.docId === docId;
  const affected = workspace.annotations.get().annotations.filter(ofDocument).length;
  if (affected > 0) {
    await workspace.annotations.update((data) => {
      data.annotations =
        choice === 'delete'
          ? data.annotations.filter((entry) => !ofDocument(entry))
          : data.annotations.map((entry) => (ofDocument(entry) ? { ...entry, anchorStatus: 'orphan' } : entry));
    });
  }
  await removeLibraryRecord(workspace, docId);
  context.corpus.removeDocument(docId);
  await removeImportedDocument(workspace.dir, docId).catch((error: unknown) => {
    // The folder was already gone: the document is removed all the same.
    if (!(error instanceof WorkbenchError && error.code === 'NOT_FOUND')) throw error;
  });
  context.bus.emit('library.changed', { docId, change: 'removed' });
  if (affected > 0) context.bus.emit('annotations.changed', { docIds: [docId] });
  context.publish('library.changed', { docId, change: 'removed' });
  return {
    docId,
    annotationsDeleted: choice === 'delete' ? affected : 0,
    annotationsKeptAsOrphans: choice === 'keep-as-orphans' ? affected : 0,
  };
}
