import { notice } from '../../store/notices.js';
import type { CorpusDocument } from '../../corpus/schema.js';
import { documentOrigins } from '../../corpus/schema.js';
import { readImportedDocument } from '../manage-imported.js';
import { cleanupInterruptedImports } from '../manage-imported.js';
import type { ImportContext } from './import-context.js';
import type { LibraryRecord } from './library-records.js';
import type { ImportedDocumentRecord } from '../document-record.js';
import { stampRewrittenContent } from './stamp-rewritten.js';

export interface LoadedLibrary {
  loaded: string[];
  /** Documents rewritten before their library record named its content version: now it does (see `stampRewrittenContent`). */
  stamped: string[];
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
  const result: LoadedLibrary = { loaded: [], damaged: [], stamped: [] };
  const records = new Map<string, ImportedDocumentRecord>();
  for (const record of context.library.list()) {
    const outcome = await loadImportedDocument(context, record);
    if ('loaded' in outcome) {
      result.loaded.push(record.id);
      records.set(record.id, outcome.loaded);
    } else result.damaged.push({ docId: record.id, message: outcome.message });
  }
  result.stamped = await stampRewrittenContent(context, records);
  return result;
}

/**
 * One library entry into the corpus index. A document whose saved data is damaged is
 * listed all the same, marked damaged and without text, and the user is told.
 */
export async function loadImportedDocument(context: ImportContext, record: LibraryRecord): Promise<{ loaded: ImportedDocumentRecord } | { message: string }> {
  try {
    const imported = await readImportedDocument(context.workspace.dir, record.id);
    context.corpus.addDocument(imported.document, imported.passages, imported.footnotes);
    return { loaded: imported };
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
