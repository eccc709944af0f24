import { z } from 'zod';
import type { CorpusDocument } from '../../corpus/schema.js';
import type { RecordSet, Transaction, Workspace } from '../../store/index.js';
import { defineCollection } from '../../store/collection-definition.js';

/**
 * One entry of the library: an imported document that belongs to the workspace. Its
 * content lives in `documents/<id>/document.json`; the entry keeps what the library needs
 * without opening it (duplicate detection by content hash, the file name, the title).
 */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const LibraryRecordSchema = z.object({
  id: z.string().regex(/^imp-[a-z0-9]+(?:-[0-9]+)?$/),
  contentHash: sha256,
  fileName: z.string(),
  origin: z.string(),
  title: z.string(),
  importedAt: z.string(),
  /**
   * What the document's files hold since its content was rewritten after import (names
   * replaced by pseudonyms, a passage corrected, a transcript added, or that undone): the
   * SHA-256 of its `document.json` and of its original file as they are now. A rewrite is
   * so a new revision of this record, and travels to colleagues with the files it names;
   * absent, the files are still as imported (the original's hash is `contentHash`).
   */
  content: z.object({ record: sha256, original: sha256 }).optional(),
});
export type LibraryRecord = z.infer<typeof LibraryRecordSchema>;
export type ContentVersion = NonNullable<LibraryRecord['content']>;

/** Round 1 kept the entries in `library.json` as `{documents: […]}`. */
export const libraryCollection = defineCollection({
  name: 'library',
  version: 2,
  schema: LibraryRecordSchema,
  legacy: { file: 'library.json', records: (data) => (data as { documents?: unknown[] }).documents ?? [] },
});

/** The library's entries, read and written by the import area only. */
export class Library {
  readonly records: RecordSet<LibraryRecord>;

  constructor(private readonly workspace: Workspace) {
    this.records = workspace.records(libraryCollection);
  }

  list(): LibraryRecord[] {
    return [...this.records.values()];
  }

  has(docId: string): boolean {
    return this.records.has(docId);
  }

  /** Content hash → document id, for `importFile`'s duplicate check. */
  knownContentHashes(): Record<string, string> {
    return Object.fromEntries(this.list().map((record) => [record.contentHash, record.id]));
  }

  add(document: CorpusDocument, contentHash: string): Promise<void> {
    const record: LibraryRecord = {
      id: document.id,
      contentHash,
      fileName: document.source,
      origin: document.origin,
      title: document.title,
      importedAt: new Date().toISOString(),
    };
    return this.workspace.transact((tx) => void tx.put(libraryCollection, record));
  }

  /** A new title (and, for an anonymised document, the file name it is known by). */
  rename(docId: string, title: string, fileName?: string): Promise<void> {
    return this.workspace.transact((tx) => {
      const record = tx.get(libraryCollection, docId);
      if (record) tx.put(libraryCollection, { ...record, title, ...(fileName === undefined ? {} : { fileName }) });
    });
  }

  /**
   * After the document's files were rewritten: the version of the content they now hold,
   * and its title and file name (names may have left them), as one revision.
   */
  setContent(docId: string, change: { title: string; fileName: string; content: ContentVersion }): Promise<void> {
    return this.workspace.transact((tx) => {
      const record = tx.get(libraryCollection, docId);
      if (record) tx.put(libraryCollection, { ...record, title: change.title, fileName: change.fileName, content: change.content });
    });
  }

  /** Inside the transaction that removes the document with its annotations. */
  stageRemoval(tx: Transaction, docId: string): void {
    tx.delete(libraryCollection, docId);
  }
}
