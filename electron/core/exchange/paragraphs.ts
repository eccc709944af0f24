import { passageSeparator } from '../anchoring/document-text';

/** Longest passage a source's text is cut into (as the transcript reader does). */
export const MAX_PARAGRAPH_CHARS = 4000;

export interface Paragraphs {
  /** Passage texts: no blank line inside, no white space at either end. */
  texts: string[];
  /** Where each passage's text starts in the source text (UTF-16 offsets). */
  sourceStarts: number[];
  /** …and in the document text, the passages joined by a blank line. */
  documentStarts: number[];
}

/**
 * Splits a source's plain text into passages at blank lines (long ones at white space), and
 * remembers where each came from, so a position in the source maps to one in the document.
 */
export function splitParagraphs(text: string): Paragraphs {
  const result: Paragraphs = { texts: [], sourceStarts: [], documentStarts: [] };
  let documentOffset = 0;
  const push = (from: number, to: number) => {
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (to <= from) return;
    if (result.texts.length > 0) documentOffset += passageSeparator.length;
    result.texts.push(text.slice(from, to));
    result.sourceStarts.push(from);
    result.documentStarts.push(documentOffset);
    documentOffset += to - from;
  };
  const pushLong = (from: number, to: number) => {
    while (to - from > MAX_PARAGRAPH_CHARS) {
      const window = text.slice(from, from + MAX_PARAGRAPH_CHARS);
      let cut = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'), window.lastIndexOf('\t'));
      if (cut <= MAX_PARAGRAPH_CHARS / 2) cut = MAX_PARAGRAPH_CHARS;
      // Never cut a surrogate pair in two.
      if (/[\uD800-\uDBFF]/.test(text[from + cut - 1] ?? '')) cut -= 1;
      push(from, from + cut);
      from += cut;
    }
    push(from, to);
  };
  const blank = /\n[^\S\n]*(?:\n[^\S\n]*)+/g;
  let start = 0;
  for (let match = blank.exec(text); match; match = blank.exec(text)) {
    pushLong(start, match.index);
    start = match.index + match[0].length;
  }
  pushLong(start, text.length);
  return result;
}

/**
 * The document offset of a source offset. A position in the white space between passages
 * moves to the next passage's start (`side: 'start'`) or the previous one's end (`'end'`).
 */
export function sourceToDocument(paragraphs: Paragraphs, offset: number, side: 'start' | 'end'): number | undefined {
  const { texts, sourceStarts, documentStarts } = paragraphs;
  if (texts.length === 0) return undefined;
  // The last passage starting at or before the offset.
  let low = 0;
  let high = texts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sourceStarts[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  const index = low - 1;
  if (index >= 0 && offset <= sourceStarts[index]! + texts[index]!.length) {
    if (side === 'start' && offset === sourceStarts[index]! + texts[index]!.length && index + 1 < texts.length) return documentStarts[index + 1];
    return documentStarts[index]! + (offset - sourceStarts[index]!);
  }
  if (side === 'start') return index + 1 < texts.length ? documentStarts[index + 1] : undefined;
  return index >= 0 ? documentStarts[index]! + texts[index]!.length : undefined;
}
