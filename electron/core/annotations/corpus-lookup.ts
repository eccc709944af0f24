import type { DocumentText } from '../anchoring/document-text';
import type { Passage } from '../corpus/schema';

/**
 * What annotations need to know about the corpus (bundled and imported), supplied by the
 * caller so this module depends on no particular corpus loader.
 */
export interface CorpusLookup {
  getPassage(passageId: string): Passage | undefined;
  /** The document's text as `buildDocumentText` makes it from its passages in order. */
  getDocumentText(docId: string): DocumentText | undefined;
  entityExists(entityId: string): boolean;
  recommendationExists(recommendationId: string): boolean;
  /** For exports and free-text search; fall back to the id when absent. */
  documentTitle?(docId: string): string | undefined;
  entityName?(entityId: string): string | undefined;
  recommendationLabel?(recommendationId: string): string | undefined;
  /** The attributes of the cases a quote belongs to (its document's and its speaker's), for filters and exports. */
  caseAttributes?(docId: string, speaker: string | undefined): Record<string, string>;
}
