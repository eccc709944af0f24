import { documentRangeToPassages, type PassageRange } from '../anchoring/document-text';
import type { Passage } from '../corpus/schema';
import type { Annotation } from './annotation-schema';
import type { CorpusLookup } from './corpus-lookup';

/** When a quote is said in its document's recording, in seconds. */
export interface TimeSpan {
  start: number;
  end: number;
}

/**
 * The time span of a quote over timed transcript passages. A quote of a whole passage
 * takes the passage's span; a quote of part of one is narrowed in proportion to the
 * characters selected (speech runs roughly evenly through a cue); a quote over several
 * passages runs from the first one's start point to the last one's end point. Untimed
 * passages (headings) in between are skipped; a quote with no timed passage has no span.
 */
export function timeSpanOfRanges(ranges: readonly PassageRange[], passage: (id: string) => Pick<Passage, 'text' | 'start' | 'end'> | undefined): TimeSpan | undefined {
  const timed = ranges.flatMap((range) => {
    const found = passage(range.passageId);
    return found && found.start !== undefined && found.end !== undefined && found.text.length > 0 ? [{ range, start: found.start, end: found.end, length: found.text.length }] : [];
  });
  const first = timed[0];
  const last = timed.at(-1);
  if (!first || !last) return undefined;
  const at = (p: typeof first, offset: number) => p.start + ((p.end - p.start) * Math.min(offset, p.length)) / p.length;
  // Milliseconds: cue files are written to the millisecond, and so are exports.
  const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
  return { start: round(at(first, first.range.start)), end: round(at(last, last.range.end)) };
}

/** An annotation's time span, from where it lies in the current text (an orphan has none). */
export function timeSpanOf(annotation: Annotation, lookup: CorpusLookup): TimeSpan | undefined {
  if (annotation.anchorStatus === 'orphan') return undefined;
  const doc = lookup.getDocumentText(annotation.docId);
  const { start, end } = annotation.target.selectors.position;
  if (!doc || end > doc.text.length) return undefined;
  return timeSpanOfRanges(documentRangeToPassages(doc, start, end), (id) => lookup.getPassage(id));
}
