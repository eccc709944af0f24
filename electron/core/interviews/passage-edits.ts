import { buildDocumentText, describe, documentRangeToPassages, passageSeparator, type DocumentText } from '../anchoring/index.js';
import type { Annotation } from '../annotations/index.js';
import type { Passage } from '../corpus/schema.js';
import { mapOffset, type TextChange } from './text-edits.js';

/**
 * A document's text before and after its passages changed, and the edits between the two
 * in document offsets: what moves its annotations, which point into the whole text (the
 * passages joined), onto the new text. Pure.
 */
export interface DocumentChange {
  oldText: DocumentText;
  newText: DocumentText;
  /** In old document offsets, in order. */
  edits: TextChange[];
}

export function orderedPassages<P extends Pick<Passage, 'order'>>(passages: readonly P[]): P[] {
  return [...passages].sort((a, b) => a.order - b.order);
}

/**
 * The change from `oldPassages` to `newPassages` (both in reading order): each kept
 * passage's own edits (`passageEdits`, in its text's offsets) placed in the document, and
 * each new passage an insertion where it now stands. Passages are only edited or added.
 */
export function documentChange(oldPassages: readonly Passage[], newPassages: readonly Passage[], passageEdits: ReadonlyMap<string, readonly TextChange[]>): DocumentChange {
  const oldText = buildDocumentText(oldPassages);
  const newText = buildDocumentText(newPassages);
  const oldSpans = new Map(oldText.spans.map((span) => [span.passageId, span]));
  const kept = new Set(newPassages.filter((passage) => oldSpans.has(passage.id)).map((passage) => passage.id));
  if (kept.size !== oldPassages.length) throw new Error('A passage change may edit and add passages, never remove one.');
  const edits: TextChange[] = [];
  newPassages.forEach((passage, index) => {
    const span = oldSpans.get(passage.id);
    if (span) {
      for (const edit of passageEdits.get(passage.id) ?? []) edits.push({ ...edit, start: edit.start + span.start, end: edit.end + span.start });
      return;
    }
    // A new passage goes in front of the next kept one (with the separator after it), or at the end.
    const next = newPassages.slice(index + 1).find((candidate) => kept.has(candidate.id));
    const at = next ? oldSpans.get(next.id)!.start : oldText.text.length;
    const replacement = next ? passage.text + passageSeparator : oldText.text.length > 0 || edits.length > 0 ? passageSeparator + passage.text : passage.text;
    edits.push({ start: at, end: at, replacement });
  });
  edits.sort((a, b) => a.start - b.start);
  return { oldText, newText, edits };
}

/** Where an annotation goes on the new text: its new target, or `collapsed` when every word it covered was deleted. */
export type Placement = { target: Annotation['target'] } | { collapsed: true };

/**
 * Moves an annotation that is not an orphan by the change's offsets, so it covers the same
 * words. One whose position showed its quote gets the quote of its new range (words edited
 * inside it are quoted as they now read); one found fuzzily keeps the quote as selected.
 */
export function placeAnnotation(annotation: Annotation, change: DocumentChange, pageOf: (passageId: string) => number | undefined): Placement {
  const { quote, position } = annotation.target.selectors;
  const start = mapOffset(change.edits, position.start, 'start');
  const end = mapOffset(change.edits, position.end, 'end');
  const passageIds = documentRangeToPassages(change.newText, start, end).map((range) => range.passageId);
  if (end <= start || passageIds.length === 0) return { collapsed: true };
  const showedQuote = change.oldText.text.slice(position.start, position.end) === quote.exact;
  const page = annotation.target.selectors.page?.page ?? pageOf(passageIds[0]!);
  const selectors = showedQuote
    ? describe(change.newText.text, start, end, page)
    : { ...annotation.target.selectors, position: { type: 'TextPositionSelector' as const, start, end } };
  return { target: { selectors, passageIds } };
}
