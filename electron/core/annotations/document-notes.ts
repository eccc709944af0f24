import { z } from 'zod';
import { WorkbenchError } from '../api/errors';
import type { CoreContext } from '../core-context';
import { defineCollection } from '../store/collection-definition';
import type { RecordSet, Transaction } from '../store';
import type { CorpusLookup } from './corpus-lookup';

/** The longest note on a document (a memo, not a draft: drafts are for long text). */
export const DOCUMENT_NOTE_MAX = 20_000;

/**
 * A memo on a whole document, bundled or imported (an annotation's note is on a passage).
 * One record per document, keyed by its id; the store keeps who wrote it last (author) and
 * when. It sits beside what the import wrote into `document.note` (an imported source's
 * description, OCR remarks), which is the extraction's and is never edited.
 */
export const DocumentNoteRecordSchema = z.object({
  /** The document's id. */
  id: z.string().min(1).max(200),
  text: z.string().min(1).max(DOCUMENT_NOTE_MAX),
  editedAt: z.string(),
});
export type DocumentNoteRecord = z.infer<typeof DocumentNoteRecordSchema>;

export const documentNotesCollection = defineCollection({
  name: 'document-notes',
  version: 2,
  schema: DocumentNoteRecordSchema,
});

/** A document's note as the interface shows it: the text, when and by whom (a user id). */
export interface DocumentNoteView {
  docId: string;
  text: string;
  editedAt: string;
  editedBy: string;
}

export class DocumentNotes {
  readonly records: RecordSet<DocumentNoteRecord>;

  constructor(
    private readonly context: Pick<CoreContext, 'workspace' | 'publish'>,
    private readonly lookup: CorpusLookup,
  ) {
    this.records = context.workspace.records(documentNotesCollection);
  }

  /** Announces every change (made here or by another process) as `documentNotes.changed`; returns the unsubscribe. */
  publishChanges(): () => void {
    return this.records.subscribe((changes) => {
      const docIds = [...new Set(changes.map((change) => change.id))].sort();
      this.context.publish('documentNotes.changed', { docIds });
    });
  }

  get(docId: string): DocumentNoteView | null {
    const record = this.records.get(docId);
    if (!record) this.requireDocument(docId);
    return record ? this.view(record) : null;
  }

  private requireDocument(docId: string): void {
    if (this.lookup.documentTitle?.(docId) === undefined && !this.lookup.getDocumentText(docId)) {
      throw new WorkbenchError('NOT_FOUND', `There is no document “${docId}” in the library. Run \`workbench documents\` to see their ids.`);
    }
  }

  /** The text alone (exports), or undefined without a note. */
  text(docId: string): string | undefined {
    return this.records.get(docId)?.text;
  }

  list(): DocumentNoteView[] {
    return this.records
      .all()
      .map((record) => this.view(record))
      .sort((a, b) => a.docId.localeCompare(b.docId));
  }

  /** Writes the document's note; empty (or only white space) removes it. The same text writes nothing. */
  async set(docId: string, text: string): Promise<DocumentNoteView | null> {
    this.requireDocument(docId);
    if (this.context.workspace.readOnly) {
      throw new WorkbenchError('LOCKED', 'The note cannot be saved: this workspace is open read-only. Close the other window or process that holds it, then try again.');
    }
    const trimmed = text.replace(/\r\n?/g, '\n').trim();
    const current = this.records.get(docId);
    if (!trimmed) {
      if (current) await this.context.workspace.transact((tx) => tx.delete(documentNotesCollection, docId));
      return null;
    }
    if (current?.text === trimmed) return this.view(current);
    const record: DocumentNoteRecord = { id: docId, text: trimmed, editedAt: new Date().toISOString() };
    await this.context.workspace.transact((tx) => tx.put(documentNotesCollection, record));
    return this.get(docId);
  }

  /**
   * Inside another area's change (a document anonymised): writes the note's text as given,
   * or removes the note; the caller's command takes care of undo.
   */
  stageText(tx: Transaction, docId: string, text: string | undefined): void {
    if (text === undefined) {
      if (tx.get(documentNotesCollection, docId)) tx.delete(documentNotesCollection, docId);
      return;
    }
    tx.put(documentNotesCollection, DocumentNoteRecordSchema.parse({ id: docId, text, editedAt: new Date().toISOString() }));
  }

  private view(record: DocumentNoteRecord): DocumentNoteView {
    return { docId: record.id, text: record.text, editedAt: record.editedAt, editedBy: this.records.entry(record.id)?.author ?? 'unknown' };
  }
}
