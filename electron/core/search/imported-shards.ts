/**
 * Imported documents in the search engine: one shard per document, so importing or removing
 * one never re-indexes the others or the bundled corpus.
 */
import type { CorpusDocument } from '../corpus/schema';
import type { CorpusIndex } from '../corpus/corpus-index';
import type { SearchEngine } from './engine';
import { importedDocumentIds, importedDocuments } from './workspace-content';

export function importedShardName(docId: string): string {
  return `document/${docId}`;
}

export class ImportedDocumentShards {
  /** The document record each shard was built from; a new record means a new version. */
  private readonly indexed = new Map<string, CorpusDocument>();

  constructor(
    private readonly engine: SearchEngine,
    private readonly corpus: CorpusIndex,
  ) {}

  /** Re-indexes one document as the corpus now holds it; a document that is gone loses its shard. */
  sync(docId: string): void {
    const docs = importedDocuments(this.corpus, docId);
    if (docs.length === 0) {
      this.engine.removeShard(importedShardName(docId));
      this.indexed.delete(docId);
      return;
    }
    this.engine.setShard(importedShardName(docId), docs);
    this.indexed.set(docId, this.corpus.document(docId));
  }

  /**
   * Brings the shards in line with the corpus's imported documents. The import area puts the
   * library's documents into the corpus when it starts, after search has started and without
   * an event, so search checks before each query; with nothing changed this only compares a
   * short list of ids.
   */
  reconcile(): void {
    const current = new Set(importedDocumentIds(this.corpus));
    for (const docId of current) {
      if (this.indexed.get(docId) !== this.corpus.document(docId)) this.sync(docId);
    }
    for (const docId of [...this.indexed.keys()]) if (!current.has(docId)) this.sync(docId);
  }

  indexedIds(): string[] {
    return [...this.indexed.keys()];
  }
}
