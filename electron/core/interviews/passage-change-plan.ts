import type { Annotation, AnnotationTombstone } from '../annotations/index.js';
import type { Passage } from '../corpus/schema.js';
import type { ImportedContent } from '../import/index.js';
import type { AnnotatedContent } from './document-rewrite.js';
import { documentChange, orderedPassages, placeAnnotation, type DocumentChange } from './passage-edits.js';
import { mapOffset, type TextChange } from './text-edits.js';

/** A document's passages edited or added, worked out whole before anything is written. */
export interface PassageChangePlan {
  content: ImportedContent;
  /** Only the annotations that change, as they become. */
  annotations: Annotation[];
  /** Only the cited tombstones whose annotation changes. */
  tombstones: AnnotationTombstone[];
  /** Annotations whose every word was deleted: kept, marked orphans. */
  orphaned: string[];
}

/**
 * The document with `passages` (in reading order) in place of its own, and its annotations
 * moved onto the new text by the edits: each still covers the same words; one whose words
 * are all gone becomes an orphan, with its quote as it was, never deleted.
 */
export function planPassageChange(material: AnnotatedContent, passages: readonly Passage[], passageEdits: ReadonlyMap<string, readonly TextChange[]>): PassageChangePlan {
  const { record } = material.content;
  const change = documentChange(orderedPassages(record.passages), passages, passageEdits);
  const pageOf = (id: string) => passages.find((passage) => passage.id === id)?.page;
  const orphaned: string[] = [];
  const annotations = material.annotations.flatMap((annotation) => {
    const moved = moveAnnotation(annotation, change, pageOf);
    if (moved.anchorStatus === 'orphan' && annotation.anchorStatus !== 'orphan') orphaned.push(annotation.id);
    return JSON.stringify(moved) === JSON.stringify(annotation) ? [] : [moved];
  });
  const tombstones = material.tombstones.flatMap((tombstone) => {
    const moved = moveAnnotation(tombstone.annotation, change, pageOf);
    return JSON.stringify(moved) === JSON.stringify(tombstone.annotation) ? [] : [{ ...tombstone, annotation: moved }];
  });
  return { content: { record: { ...record, passages: [...passages] }, original: material.content.original }, annotations, tombstones, orphaned };
}

function moveAnnotation(annotation: Annotation, change: DocumentChange, pageOf: (passageId: string) => number | undefined): Annotation {
  if (annotation.anchorStatus === 'orphan') return annotation;
  const placement = placeAnnotation(annotation, change, pageOf);
  return 'target' in placement ? { ...annotation, target: placement.target } : { ...annotation, anchorStatus: 'orphan' };
}

/**
 * A passage with new text: its times, speaker, kind and place kept; its footnote markers
 * and links moved with the words around them (a link whose words were deleted goes); a
 * table row's cells read again from its tabs.
 */
export function correctedPassage(passage: Passage, text: string, edits: readonly TextChange[]): Passage {
  const links = passage.links.flatMap((link) => {
    const start = mapOffset(edits, link.start, 'start');
    const end = mapOffset(edits, link.end, 'end');
    return end > start ? [{ ...link, start, end, text: text.slice(start, end) }] : [];
  });
  return {
    ...passage,
    text,
    ...(passage.cells ? { cells: text.split('\t') } : {}),
    footnoteRefs: passage.footnoteRefs.map((ref) => ({ ...ref, offset: Math.min(text.length, mapOffset(edits, ref.offset, 'start')) })),
    links,
  };
}
