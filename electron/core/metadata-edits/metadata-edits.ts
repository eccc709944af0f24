import { WorkbenchError } from '../api/errors';
import type { DocumentSummary } from '../api/methods/corpus';
import type { CoreContext } from '../core-context';
import { summarizeDocument } from '../corpus/corpus-handlers';
import type { CorpusDocument, MetadataField } from '../corpus/schema';
import { documentType } from '../metadata/document-type';
import { applyMetadataEdits, type MetadataEdit } from '../metadata/edits';
import type { RecordSet, Transaction } from '../store';
import type { MetadataFieldsPatch, MetadataValue } from './field-values';
import type { MetadataEditView } from './methods';
import { metadataEditId, metadataEditsCollection, type MetadataEditRecord } from './record';

/**
 * Users' corrections of document metadata, kept as records and laid over the documents in
 * the corpus index. The document as extracted is kept aside (`originals`) so that reverting
 * an edit, or an edit arriving from another process, is applied to the extraction again and
 * never to an earlier overlay.
 */
export class MetadataEdits {
  readonly records: RecordSet<MetadataEditRecord>;
  private readonly originals = new Map<string, CorpusDocument>();
  private applying = false;

  constructor(private readonly context: CoreContext) {
    this.records = context.workspace.records(metadataEditsCollection);
  }

  /** Lays every stored edit over its document; then follows the store and the library. */
  start(): () => void {
    for (const docId of new Set(this.records.all().map((record) => record.docId))) this.reapply(docId);
    const stopRecords = this.records.subscribe((changes) => {
      const docIds = new Set(changes.map((change) => (change.after ?? change.before)?.docId).filter((id): id is string => id !== undefined));
      for (const docId of docIds) this.reapply(docId, { announce: true });
    });
    const stopLibrary = this.context.bus.on('library.changed', ({ docId, change }) => {
      if (this.applying) return;
      // The import area put a fresh document in the index (or took it out): that is the new extraction.
      this.originals.delete(docId);
      if (change !== 'removed') this.reapply(docId);
    });
    return () => {
      stopRecords();
      stopLibrary();
    };
  }

  edits(docId: string): MetadataEditView[] {
    const original = this.originals.get(docId) ?? this.context.corpus.document(docId);
    return this.storedEdits(docId).map(({ field, value, editedAt, editedBy, note }) => ({
      field,
      value: copyValue(value),
      editedAt,
      editedBy: editedBy ?? 'unknown',
      ...(note ? { note } : {}),
      extracted: extractedValue(original, field),
    }));
  }

  /**
   * Records the fields whose value changes; `confirm` names fields whose value as it stands
   * becomes the user's (an inferred year confirmed), unless it already is.
   */
  async set(docId: string, fields: MetadataFieldsPatch, note?: string, confirm: readonly MetadataField[] = []): Promise<DocumentSummary> {
    this.writable();
    const current = this.context.corpus.document(docId);
    const editedAt = new Date().toISOString();
    const changed = (Object.entries(fields) as Array<[MetadataField, MetadataValue | undefined]>).filter(
      ([field, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(currentValue(current, field)),
    );
    for (const field of confirm) {
      if (changed.some(([name]) => name === field) || current.provenance?.[field]?.source === 'user') continue;
      const value = currentValue(current, field) as MetadataValue;
      if (field === 'title' && (value === null || value === '')) continue;
      changed.push([field, value]);
    }
    if (changed.length > 0) {
      await this.context.workspace.transact((tx) => {
        for (const [field, value] of changed) {
          tx.put(metadataEditsCollection, { id: metadataEditId(docId, field), docId, field, value: value ?? null, editedAt, ...(note ? { note } : {}) });
        }
      });
    }
    return summarizeDocument(this.context.corpus, this.context.corpus.document(docId));
  }

  async revert(docId: string, fields: readonly MetadataField[]): Promise<DocumentSummary> {
    this.writable();
    this.context.corpus.document(docId);
    const stored = fields.map((field) => metadataEditId(docId, field)).filter((id) => this.records.has(id));
    if (stored.length > 0) await this.context.workspace.transact((tx) => stored.forEach((id) => tx.delete(metadataEditsCollection, id)));
    return summarizeDocument(this.context.corpus, this.context.corpus.document(docId));
  }

  /**
   * The document's stored edits whose value or note `rewrite` changes, as they become (names
   * replaced by pseudonyms): for another area to stage with its own change, as one step.
   */
  rewritten(docId: string, rewrite: (text: string) => string): Array<{ before: MetadataEditRecord; after: MetadataEditRecord }> {
    return this.records
      .all()
      .filter((record) => record.docId === docId)
      .flatMap((record) => {
        const value = typeof record.value === 'string' ? rewrite(record.value) : Array.isArray(record.value) ? record.value.map(rewrite) : record.value;
        const note = record.note === undefined ? undefined : rewrite(record.note);
        const next = { ...record, value, ...(note === undefined ? {} : { note }) };
        return JSON.stringify(next) === JSON.stringify(record) ? [] : [{ before: record, after: next }];
      });
  }

  stagePut(tx: Transaction, records: readonly MetadataEditRecord[]): void {
    for (const record of records) tx.put(metadataEditsCollection, record);
  }

  private writable(): void {
    if (this.context.workspace.readOnly) {
      throw new WorkbenchError('LOCKED', 'The metadata cannot be changed: this workspace is open read-only. Close the other window or process that holds it, then try again.');
    }
  }

  private storedEdits(docId: string): MetadataEdit[] {
    return this.records
      .all()
      .filter((record) => record.docId === docId)
      .map((record) => ({
        field: record.field,
        value: record.value,
        editedAt: record.editedAt,
        editedBy: this.records.entry(record.id)?.author ?? 'unknown',
        ...(record.note ? { note: record.note } : {}),
      }))
      .sort((a, b) => a.editedAt.localeCompare(b.editedAt));
  }

  private reapply(docId: string, { announce = false } = {}): void {
    const { corpus } = this.context;
    if (!corpus.hasDocument(docId)) return;
    const original = this.originals.get(docId) ?? corpus.document(docId);
    this.originals.set(docId, original);
    corpus.replaceDocument(applyMetadataEdits(original, this.storedEdits(docId)));
    if (!announce) return;
    this.applying = true;
    try {
      // Search re-reads an imported document's shard; the renderer refreshes what shows it.
      this.context.bus.emit('library.changed', { docId, change: 'updated' });
    } finally {
      this.applying = false;
    }
    this.context.publish('library.changed', { docId, change: 'updated' });
  }
}

function currentValue(document: CorpusDocument, field: MetadataField): unknown {
  // Without a chosen type the kind gives one: setting that same type is no change.
  if (field === 'type') return documentType(document);
  const value = (document as Record<string, unknown>)[field];
  if (value === undefined) return field === 'authors' || field === 'editors' || field === 'publishers' ? [] : null;
  return value;
}

function copyValue(value: MetadataValue | readonly string[]): MetadataValue {
  return value === null || typeof value === 'number' || typeof value === 'string' ? value : [...value];
}

/** The field as extracted: none is null (an empty list too), with the extraction's source. */
function extractedValue(original: CorpusDocument, field: MetadataField): MetadataEditView['extracted'] {
  const value = currentValue(original, field) as MetadataValue | readonly string[] | '';
  const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0);
  return { value: empty ? null : copyValue(value), source: empty ? null : (original.provenance?.[field]?.source ?? null) };
}
