import type { DocumentSummary } from '../../api/methods/corpus.js';
import { WorkbenchError } from '../../api/errors.js';
import type { ImportContext } from './import-context.js';
import { summarizeDocument } from '../../corpus/corpus-handlers.js';
import { readImportedDocument, updateImportedMetadata, type ImportedMetadataPatch } from '../manage-imported.js';

export interface MetadataEdit {
  docId: string;
  title?: string | undefined;
  authors?: string[] | undefined;
  year?: number | null | undefined;
  publisher?: string | null | undefined;
}

/** Saves what the user corrected about an imported document and refreshes it everywhere. */
export async function updateMetadata(context: ImportContext, edit: MetadataEdit): Promise<DocumentSummary> {
  const { workspace } = context;
  if (workspace.readOnly) throw new WorkbenchError('LOCKED', 'The document details cannot be saved: this workspace is open read-only.');
  if (!context.library.has(edit.docId)) {
    throw new WorkbenchError('NOT_FOUND', `There is no imported document ${edit.docId} in this workspace. Only imported documents can be edited.`, { docId: edit.docId });
  }
  const patch: ImportedMetadataPatch = {
    ...(edit.title === undefined ? {} : { title: edit.title }),
    ...(edit.authors === undefined ? {} : { authors: edit.authors }),
    ...(edit.year === undefined ? {} : { year: edit.year }),
    ...(edit.publisher === undefined ? {} : { publishers: edit.publisher ? [edit.publisher] : [] }),
  };
  const document = await updateImportedMetadata(workspace.dir, edit.docId, patch);
  const record = await readImportedDocument(workspace.dir, edit.docId);
  context.corpus.addDocument(document, record.passages, record.footnotes);
  if (edit.title !== undefined) await context.library.rename(edit.docId, document.title);
  context.bus.emit('library.changed', { docId: edit.docId, change: 'updated' });
  context.publish('library.changed', { docId: edit.docId, change: 'updated' });
  return summarizeDocument(context.corpus, document);
}
