import type { TopicService } from '../topics';
import type { UndoStack } from '../undo';
import type { AnnotationService } from './annotation-service';
import type { DocumentNotes } from './document-notes';

/**
 * What other areas may use of the annotations area: reading annotations (drafts resolve
 * citations to them, and to the tombstones of cited ones deleted, and say which drafts cite
 * one; search indexes them), the codebook, and taking part in a document's
 * removal. They never read the annotations collection themselves.
 */
export interface AnnotationsFace {
  annotations: Pick<AnnotationService, 'get' | 'all' | 'ofDocument' | 'count' | 'stageDocumentRemoval' | 'coderOf' | 'stageImported' | 'linkExists' | 'tombstone' | 'attachCitations'>;
  topics: Pick<TopicService, 'get' | 'list' | 'tree' | 'path' | 'count' | 'stageTopic' | 'stagePaths'>;
  /** Notes on whole documents (the REFI-QDA export writes each as its source's description). */
  documentNotes: Pick<DocumentNotes, 'get' | 'text' | 'list'>;
  /** The core's one undo stack: other areas' edits (corrections of the events) join it, so Edit > Undo steps through every edit in one order. */
  undo: UndoStack;
}
