import type { TopicService } from '../topics';
import type { UndoStack } from '../undo';
import type { Command } from '../undo/undo-stack';
import type { AnnotationService } from './annotation-service';
import type { DocumentNotes } from './document-notes';

/**
 * What other areas may use of the annotations area: reading annotations (drafts resolve
 * citations to them, and to the tombstones of cited ones deleted, and say which drafts cite
 * one; search indexes them), the codebook, and taking part in a document's
 * removal. They never read the annotations collection themselves.
 */
export interface AnnotationsFace {
  annotations: Pick<AnnotationService, 'get' | 'all' | 'ofDocument' | 'count' | 'stageDocumentRemoval' | 'coderOf' | 'stageImported' | 'linkExists' | 'tombstone' | 'attachCitations' | 'stageReplacement' | 'stageDeletion' | 'tombstonesOf' | 'stageTombstone' | 'reanchorAll'>;
  topics: Pick<TopicService, 'get' | 'list' | 'tree' | 'path' | 'count' | 'stageTopic' | 'stagePaths' | 'stageDeletion'>;
  /** Notes on whole documents (the REFI-QDA export writes each as its source's description). */
  documentNotes: Pick<DocumentNotes, 'get' | 'text' | 'list' | 'stageText'>;
  /** The core's one undo stack: other areas' edits (corrections of the events) join it, so Edit > Undo steps through every edit in one order. */
  undo: UndoStack;
  /** Runs another area's change to coding (anonymising a document, auto-coding) as one step of the app's one undo stack. */
  runUndoable<T>(command: Command<T>): Promise<T>;
  /** The interviews area tells how to read a quote's case attributes (its document's and its speaker's), so filters and exports can use them. */
  attachCaseAttributes(provider: (docId: string, speaker: string | undefined) => Record<string, string>): void;
}
