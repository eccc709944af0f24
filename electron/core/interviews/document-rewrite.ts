import type { Annotation, AnnotationsFace, AnnotationTombstone } from '../annotations/index.js';
import type { ImportedContent } from '../import/index.js';
import type { Transaction } from '../store/index.js';

/**
 * Rewriting an imported document's text (anonymising it, correcting a passage) with its
 * annotations moved in step: what is read before, what is staged, and what undo stages
 * back. The document's files are written by the import area; these are the annotations' half.
 */

/** A document's content with the annotations that point into it. */
export interface AnnotatedContent {
  content: ImportedContent;
  annotations: readonly Annotation[];
  /** Deleted annotations that drafts still cite: their tombstones keep the quote, and travel in bundles. */
  tombstones: readonly AnnotationTombstone[];
}

export async function readAnnotatedContent(content: { read(docId: string): Promise<ImportedContent> }, face: AnnotationsFace, docId: string): Promise<AnnotatedContent> {
  return { content: await content.read(docId), annotations: face.annotations.ofDocument(docId), tombstones: face.annotations.tombstonesOf(docId) };
}

/** Inside the change's transaction: the annotations and cited tombstones as they become. */
export function stageMovedAnnotations(tx: Transaction, face: AnnotationsFace, annotations: readonly Annotation[], tombstones: readonly AnnotationTombstone[]): void {
  for (const annotation of annotations) face.annotations.stageReplacement(tx, annotation);
  for (const tombstone of tombstones) face.annotations.stageTombstone(tx, tombstone);
}

/**
 * Inside undo's transaction: the annotations' targets, notes and anchor states as they
 * were; their other fields as they are now (a later colour change stays). Tombstones as they were.
 */
export function stageAnnotationsAsBefore(tx: Transaction, face: AnnotationsFace, before: Pick<AnnotatedContent, 'annotations' | 'tombstones'>, ids: readonly string[]): void {
  const { annotations } = face;
  const old = new Map(before.annotations.map((annotation) => [annotation.id, annotation]));
  for (const id of ids) {
    const current = annotations.get(id);
    const previous = old.get(id);
    if (!current || !previous) continue;
    if (JSON.stringify(current.target) === JSON.stringify(previous.target) && current.note === previous.note && current.anchorStatus === previous.anchorStatus) continue;
    annotations.stageReplacement(tx, { ...current, target: previous.target, note: previous.note, anchorStatus: previous.anchorStatus });
  }
  for (const tombstone of before.tombstones) annotations.stageTombstone(tx, tombstone);
}
