import { z } from 'zod';
import type { CorpusDocument } from '../../corpus/schema.js';
import type { Workspace } from '../../store/index.js';

/**
 * One entry of `library.json`: which imported documents belong to the workspace. The
 * document's content lives in `documents/<id>/document.json`; the entry keeps what the
 * library needs without opening it (duplicate detection by content hash, the file name).
 */
export const LibraryRecordSchema = z.object({
  id: z.string().regex(/^imp-[a-z0-9]+(?:-[0-9]+)?$/),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  origin: z.string(),
  title: z.string(),
  importedAt: z.string(),
});
export type LibraryRecord = z.infer<typeof LibraryRecordSchema>;

/** The library's entries that are well formed; anything else is left in the file untouched. */
export function libraryRecords(workspace: Workspace): LibraryRecord[] {
  return workspace.library.get().documents.flatMap((entry) => {
    const parsed = LibraryRecordSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Content hash → document id, for `importFile`'s duplicate check. */
export function knownContentHashes(workspace: Workspace): Record<string, string> {
  return Object.fromEntries(libraryRecords(workspace).map((record) => [record.contentHash, record.id]));
}

export function addLibraryRecord(workspace: Workspace, document: CorpusDocument, contentHash: string): Promise<void> {
  const record: LibraryRecord = {
    id: document.id,
    contentHash,
    fileName: document.source,
    origin: document.origin,
    title: document.title,
    importedAt: new Date().toISOString(),
  };
  return workspace.library.update((data) => {
    data.documents = [...data.documents.filter((entry) => entry.id !== record.id), record];
  });
}

export function renameLibraryRecord(workspace: Workspace, docId: string, title: string): Promise<void> {
  return workspace.library.update((data) => {
    data.documents = data.documents.map((entry) => (entry.id === docId ? { ...entry, title } : entry));
  });
}

export function removeLibraryRecord(workspace: Workspace, docId: string): Promise<void> {
  return workspace.library.update((data) => {
    data.documents = data.documents.filter((entry) => entry.id !== docId);
  });
}
