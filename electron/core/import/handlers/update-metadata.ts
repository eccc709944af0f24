import type { DocumentSummary } from '../../api/methods/corpus.js';
import { WorkbenchError } from '../../api/errors.js';
import type { ImportContext } from './import-context.js';

export interface MetadataEdit {
  docId: string;
  title?: string | undefined;
  authors?: string[] | undefined;
  year?: number | null | undefined;
  publisher?: string | null | undefined;
}

/**
 * Saves what the user corrected about an imported document. The Library's details dialog saves
 * through `metadata.set` and calls this with the title only, so the library's entry keeps the
 * document's name.
 * The corrections are metadata-edit records, like those of the bundled papers, so they carry
 * their author and travel with the user's other work; the library's entry takes the new title.
 */
export async function updateMetadata(context: ImportContext, edit: MetadataEdit): Promise<DocumentSummary> {
  const { workspace } = context;
  if (workspace.readOnly) throw new WorkbenchError('LOCKED', 'The document details cannot be saved: this workspace is open read-only.');
  if (!context.library.has(edit.docId)) {
    throw new WorkbenchError('NOT_FOUND', `There is no imported document ${edit.docId} in this workspace. Only imported documents can be edited.`, { docId: edit.docId });
  }
  const summary = await context.metadataEdits.set(edit.docId, {
    ...(edit.title === undefined ? {} : { title: edit.title }),
    ...(edit.authors === undefined ? {} : { authors: edit.authors }),
    ...(edit.year === undefined ? {} : { year: edit.year }),
    ...(edit.publisher === undefined ? {} : { publishers: edit.publisher ? [edit.publisher] : [] }),
  });
  if (edit.title !== undefined) await context.library.rename(edit.docId, summary.title);
  return summary;
}
