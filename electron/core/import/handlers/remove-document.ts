import type { RemoveResult } from '../methods.js';
import { WorkbenchError } from '../../api/errors.js';
import { removeImportedDocument } from '../manage-imported.js';
import type { ImportContext } from './import-context.js';

export type AnnotationsChoice = 'delete' | 'keep-as-orphans';

/**
 * Removes an imported document. Its annotations go as the user chose: deleted, or kept as
 * orphans (shown with their quote, never silently lost). The library entry and the
 * annotations change in one transaction; the folder goes after, so a crash halfway leaves
 * at worst a folder that nothing lists, never a listed document without its content.
 */
export async function removeDocument(context: ImportContext, docId: string, choice: AnnotationsChoice): Promise<RemoveResult> {
  const { workspace } = context;
  if (workspace.readOnly) throw new WorkbenchError('LOCKED', 'Documents cannot be removed: this workspace is open read-only.');
  if (!context.library.has(docId)) {
    throw new WorkbenchError('NOT_FOUND', `There is no imported document ${docId} in this workspace. Bundled papers cannot be removed.`, { docId });
  }
  const affected = await workspace.transact((tx) => {
    const count = context.annotations.annotations.stageDocumentRemoval(tx, docId, choice);
    context.library.stageRemoval(tx, docId);
    return count;
  });
  context.corpus.removeDocument(docId);
  await removeImportedDocument(workspace.dir, docId).catch((error: unknown) => {
    // The folder was already gone: the document is removed all the same.
    if (!(error instanceof WorkbenchError && error.code === 'NOT_FOUND')) throw error;
  });
  context.bus.emit('library.changed', { docId, change: 'removed' });
  context.publish('library.changed', { docId, change: 'removed' });
  return {
    docId,
    annotationsDeleted: choice === 'delete' ? affected : 0,
    annotationsKeptAsOrphans: choice === 'keep-as-orphans' ? affected : 0,
  };
}
