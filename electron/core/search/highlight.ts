/**
 * Where the matched words are in a text, and a short snippet around them. Ranges rather than
 * HTML: the renderer draws the marks, and the text never goes through innerHTML.
 */
import { termKey } from './pipeline';
import { findPhrases } from './phrase';
import type { HighlightRange, Snippet } from './types';
import { splitWords } from './words';

export function highlightRanges(text: string, matchedTerms: ReadonlySet<string>, phrases: readonly (readonly string[])[]): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const w of splitWords(text)) if (matchedTerms.has(termKey(w.word))) ranges.push([w.start, w.end]);
  // A phrase is marked as a whole, its stop words included.
  for (const phrase of phrases) ranges.push(...findPhrases(text, phrase));
  return mergeRanges(ranges);
}

function mergeRanges(ranges: HighlightRange[]): HighlightRange[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: HighlightRange[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export const SNIPPET_LENGTH = 260;
/** How much text to keep before the first highlight, so it is read in context. */
const LEAD = 60;

/** The window of `text` holding the most highlights, cut at word boundaries. */
export function makeSnippet(text: string, highlights: readonly HighlightRange[], length = SNIPPET_LENGTH): Snippet {
  if (text.length <= length) return { text, highlights: highlights.map(([s, e]) => [s, e]) };
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0; i < highlights.length; i++) {
    const windowStart = highlights[i]![0];
    let count = 0;
    for (let j = i; j < highlights.length && highlights[j]![1] <= windowStart + length - LEAD; j++) count++;
    if (count > bestCount) {
      bestCount = count;
      bestStart = windowStart;
    }
  }
  let start = Math.max(0, bestStart - LEAD);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < bestStart ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${text.slice(start, end)}${suffix}`,
    highlights: highlights
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]): HighlightRange => [s + shift, e + shift]),
  };
}
