/**
 * The document text that positions refer to: the passages' texts joined in reading order
 * with a blank line ("\n\n"). Joining with a separator that never occurs inside a passage
 * keeps a quote from silently gluing the end of one paragraph to the start of the next.
 */
export const passageSeparator = '\n\n';

export interface PassageSpan {
  passageId: string;
  /** Offsets of the passage's text within the document text (end exclusive). */
  start: number;
  end: number;
}

export interface DocumentText {
  text: string;
  /** One span per passage, in order; spans never overlap. */
  spans: PassageSpan[];
}

/** The part of one passage covered by a document range. */
export interface PassageRange {
  passageId: string;
  /** Offsets within the passage's own text. */
  start: number;
  end: number;
}

/** Passages must already be in reading order. */
export function buildDocumentText(passages: ReadonlyArray<{ id: string; text: string }>): DocumentText {
  const spans: PassageSpan[] = [];
  const parts: string[] = [];
  let offset = 0;
  passages.forEach((passage, index) => {
    if (index > 0) offset += passageSeparator.length;
    spans.push({ passageId: passage.id, start: offset, end: offset + passage.text.length });
    parts.push(passage.text);
    offset += passage.text.length;
  });
  return { text: parts.join(passageSeparator), spans };
}

/** Index of the span containing `offset`, or of the first span after it (binary search). */
function firstSpanEndingAfter(spans: readonly PassageSpan[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Document offset of a position inside a passage; undefined for an unknown passage or offset. */
export function passageOffsetToDocument(doc: DocumentText, passageId: string, offset: number): number | undefined {
  const span = doc.spans.find((candidate) => candidate.passageId === passageId);
  if (!span || offset < 0 || offset > span.end - span.start) return undefined;
  return span.start + offset;
}

/**
 * The passages a document range touches, each with the covered part of its text.
 * Separators between passages belong to no passage, so a range lying wholly inside a
 * separator maps to nothing.
 */
export function documentRangeToPassages(doc: DocumentText, start: number, end: number): PassageRange[] {
  const ranges: PassageRange[] = [];
  for (let index = firstSpanEndingAfter(doc.spans, start); index < doc.spans.length; index += 1) {
    const span = doc.spans[index]!;
    if (span.start >= end) break;
    const from = Math.max(start, span.start);
    const to = Math.min(end, span.end);
    if (to > from) ranges.push({ passageId: span.passageId, start: from - span.start, end: to - span.start });
  }
  return ranges;
}
