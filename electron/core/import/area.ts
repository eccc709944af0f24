import type { AnnotationsFace } from '../annotations/index.js';
import type { MetadataEdits } from '../metadata-edits/index.js';
import type { Area, CoreContext } from '../core-context.js';
import type { RecordChange } from '../store/index.js';
import type { ImportContext } from './handlers/import-context.js';
import { importHandlers } from './handlers/import-handlers.js';
import { ImportJobs } from './handlers/import-jobs.js';
import { Library, LibraryRecordSchema, type LibraryRecord } from './handlers/library-records.js';
import { readImportedContent, replaceImportedContent, type ImportedContent, type ReplaceContentOptions } from './handlers/imported-content.js';
import { loadImportedDocument, loadImportedDocuments } from './handlers/load-imported.js';
import { runImport, type PreparedDocument, type RunImportOptions } from './handlers/run-import.js';
import type { ImportResult, importMethods } from './methods.js';
import { hasDocumentFiles, holdsContent, placeDocumentFiles, readDocumentFiles, receivedFilesProblem, replaceDocumentFiles, restoreKeptVersion, type DocumentFile } from './document-files.js';

/**
 * An imported document's files (its folder) as they travel between colleagues: read to
 * send, checked and placed when received. The library records travel as records; these
 * are what make a received record a document whose quotes anchor.
 */
export interface DocumentFilesFace {
  read(docId: string): Promise<DocumentFile[] | undefined>;
  present(docId: string): Promise<boolean>;
  /** Why these files cannot be the document of this library record (a record as received, unchecked), or undefined. */
  problem(docId: string, libraryRecord: unknown, files: readonly DocumentFile[]): string | undefined;
  /** Writes them as the document's folder unless it is here already (then false). */
  place(docId: string, files: readonly DocumentFile[]): Promise<boolean>;
  /** Whether the folder here holds the content this library record (as received, unchecked) names. */
  holds(docId: string, libraryRecord: unknown): Promise<boolean>;
  /**
   * Replaces the folder of a document already here by a newer version's files (checked
   * first with `problem`); `keepAside` copies the old files aside first. Answers where.
   */
  replace(docId: string, files: readonly DocumentFile[], options?: { keepAside?: boolean }): Promise<string | undefined>;
  /** After a conflict was resolved: brings back the kept-aside files of the chosen version when the folder holds another. */
  follow(docId: string, libraryRecord: unknown): Promise<void>;
}

/** Reads a whole project or codebook file (`.qdpx`, `.qdc`) into the workspace: the exchange area's. */
export type ProjectImporter = (filePath: string, fileName: string) => Promise<ImportResult>;

/**
 * Wires the import area into the core: the workspace's imported documents join the corpus
 * index at start (after leftovers of interrupted imports are removed), and imports, edits
 * and removals go through the handlers. Documents another process imported or removed
 * (the CLI while the app runs) follow from the library's change notifications. Closing
 * cancels running imports.
 */
export interface ImportArea extends Area<typeof importMethods> {
  face: Library;
  documentFiles: DocumentFilesFace;
  /** Loads or drops the documents of library records received from a colleague (an exchange bundle, a sync), as for another process's changes. */
  followReceived(docIds: string[]): Promise<void>;
  /**
   * Imports a document whose text another reader already split into passages (a source of
   * a REFI-QDA project), queued with the other imports; the file is kept as its original.
   */
  importPrepared(request: { filePath: string; fileName: string; prepared: PreparedDocument }): Promise<ImportResult>;
  /** An imported document's saved content, read and rewritten whole (anonymising a transcript, correcting a passage, and their undo). */
  content: {
    read(docId: string): Promise<ImportedContent>;
    replace(docId: string, next: ImportedContent, options?: ReplaceContentOptions): Promise<void>;
  };
  /** Who reads `.qdpx` and `.qdc` files given to `import.file` and `import.bytes` (set by the core once the exchange area exists). */
  setProjectImporter(importer: ProjectImporter): void;
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
  const projects: { importer?: ProjectImporter } = {};
  const stop = library.records.subscribe((changes, origin) => {
    if (origin === 'external') void followExternalChanges(context, changes);
  });
  return {
    handlers: importHandlers(context, jobs, options, projects),
    face: library,
    documentFiles: documentFilesFace(core.workspace.dir),
    content: {
      read: (docId) => readImportedContent(context, docId),
      replace: (docId, next, replaceOptions) => replaceImportedContent(context, docId, next, replaceOptions),
    },
    importPrepared: ({ filePath, fileName, prepared }) => runImport(context, jobs, { filePath, fileName, prepared, onDuplicate: 'import-again' }, options),
    setProjectImporter: (importer) => {
      projects.importer = importer;
    },
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
      // A known document's text may be a newer version (a colleague anonymised or corrected
      // it): its annotations here are re-anchored before the merge or sync answers, so what
      // it reports is what is shown. (Theirs arrive already placed: nothing moves.)
      if (known && !context.workspace.readOnly) await context.annotations.annotations.reanchorAll(change.id).catch(() => undefined);
      context.bus.emit('library.changed', { docId: change.id, change: known ? 'updated' : 'added', ...(known ? { annotationsPlaced: true } : {}) });
      context.publish('library.changed', { docId: change.id, change: known ? 'updated' : 'added' });
    } else if (change.deleted) {
      context.corpus.removeDocument(change.id);
      context.bus.emit('library.changed', { docId: change.id, change: 'removed' });
      context.publish('library.changed', { docId: change.id, change: 'removed' });
    }
  }
}

function documentFilesFace(workspaceDir: string): DocumentFilesFace {
  return {
    read: (docId) => readDocumentFiles(workspaceDir, docId),
    present: (docId) => hasDocumentFiles(workspaceDir, docId),
    problem(docId, libraryRecord, files) {
      const record = LibraryRecordSchema.safeParse(libraryRecord);
      if (!record.success || record.data.id !== docId) return 'its library record is damaged';
      return receivedFilesProblem(docId, record.data, files);
    },
    place: (docId, files) => placeDocumentFiles(workspaceDir, docId, files),
    async holds(docId, libraryRecord) {
      const record = LibraryRecordSchema.safeParse(libraryRecord);
      return record.success && record.data.id === docId && (await holdsContent(workspaceDir, docId, record.data));
    },
    replace: (docId, files, options) => replaceDocumentFiles(workspaceDir, docId, files, options),
    async follow(docId, libraryRecord) {
      const record = LibraryRecordSchema.safeParse(libraryRecord);
      if (!record.success || record.data.id !== docId || (await holdsContent(workspaceDir, docId, record.data))) return;
      await restoreKeptVersion(workspaceDir, docId, record.data);
    },
  };
}
