import { notice } from '../../store/notices.js';
import type { CorpusDocument } from '../../corpus/schema.js';
import { documentOrigins } from '../../corpus/schema.js';
import { readImportedDocument } from '../manage-imported.js';
import { cleanupInterruptedImports } from '../manage-imported.js';
import type { ImportContext } from './import-context.js';
import type { LibraryRecord } from './library-records.js';

export interface LoadedLibrary {
  loaded: string[];
  /** Library entries whose saved data could not be read: listed as damaged, never silently missing. */
  damaged: Array<{ docId: string; message: string }>;
}

/**
 * At start: removes what interrupted imports left (only when this core may write), then
 * puts every imported document of the library into the corpus index, so it is listed,
 * read and searched like a bundled paper.
 */
export async function loadImportedDocuments(context: ImportContext): Promise<LoadedLibrary> {
  const { workspace } = context;
  if (!workspace.readOnly) await cleanupInterruptedImports(workspace.dir);
  const result: LoadedLibrary = { loaded: [], damaged: [] };
  for (const record of context.library.list()) {
    const outcome = await loadImportedDocument(context, record);
    if (outcome === 'loaded') result.loaded.push(record.id);
    else result.damaged.push({ docId: record.id, message: outcome.message });
  }
  return result;
}

/**
 * One library entry into the corpus index. A document whose saved data is damaged is
 * listed all the same, marked damaged and without text, and the user is told.
 */
export async function loadImportedDocument(context: ImportContext, record: LibraryRecord): Promise<'loaded' | { message: string }> {
  try {
    const imported = await readImportedDocument(context.workspace.dir, record.id);
    context.corpus.addDocument(imported.document, imported.passages, imported.footnotes);
    return 'loaded';
  } catch (error) {
    const message = (error as Error).message;
    context.corpus.addDocument(damagedDocument(record, message), [], []);
    context.workspace.report(notice('damaged-document', 'library', `The imported document “${record.title}” (${record.id}) cannot be read: ${message} It is listed as damaged.`));
    return { message };
  }
}

function damagedDocument(record: LibraryRecord, message: string): CorpusDocument {
  const origin = (documentOrigins as readonly string[]).includes(record.origin) ? (record.origin as CorpusDocument['origin']) : 'imported-text';
  return {
    id: record.id,
    title: record.title,
    authors: [],
    editors: [],
    publishers: [],
    kind: 'other',
    language: 'en',
    origin,
    source: record.fileName,
    pageCount: 0,
    note: message,
    damaged: message,
  };
}
