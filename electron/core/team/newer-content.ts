import { liveConflicts, type StoredRecord } from '../store';
import type { DocumentFile, DocumentFilesFace } from '../import';

/** A document already here whose files were replaced by the version its library record now names. */
export interface ReplacedDocument {
  docId: string;
  /**
   * Both sides had rewritten it (a conflict of its library record): the version that lost
   * here was copied to this folder before the winner's files replaced it, and the conflict
   * is listed with the others (`team.conflicts`).
   */
  keptAside?: string;
}

/**
 * After received library records are in: a document already here whose record now names
 * another content version (a colleague anonymised or corrected it, or undid that) takes the
 * received files, when they are that version (checked as files of a new document are).
 * The winning revision is the same on every replica, so both sides end with the same files.
 * Files that are not the winner's (the winner is this side's own version) change nothing.
 */
export async function followNewerContent(
  docIds: readonly string[],
  entry: (docId: string) => StoredRecord | undefined,
  received: (docId: string) => readonly DocumentFile[] | undefined,
  files: Pick<DocumentFilesFace, 'holds' | 'replace' | 'problem'>,
): Promise<ReplacedDocument[]> {
  const replaced: ReplacedDocument[] = [];
  for (const docId of docIds) {
    const stored = entry(docId);
    const incoming = received(docId);
    if (!stored || stored.deleted || !incoming || incoming.length === 0) continue;
    if (await files.holds(docId, stored.record)) continue;
    if (files.problem(docId, stored.record, incoming) !== undefined) continue;
    const conflicted = liveConflicts(stored).length > 0;
    const keptAside = await files.replace(docId, incoming, { keepAside: conflicted });
    replaced.push({ docId, ...(keptAside ? { keptAside } : {}) });
  }
  return replaced;
}
