/**
 * Splitting text into words, the one tokenisation used for indexing, for queries, for phrase
 * checks and for highlights, so that what the index matched can always be found again in the
 * text. Offsets are into the original string, which the renderer highlights.
 */

export interface Word {
  /** Lower-cased, possessive 's and inner apostrophes removed; diacritics still present. */
  word: string;
  start: number;
  end: number;
}

// Letters, digits and combining marks (decomposed "č"), with apostrophes inside a word kept
// together so that "NATO's" is one word, not "nato" + "s". Hyphens split: "Ibër-Lepenc" is
// two words, as users type it.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const POSSESSIVE = /['’]s$/;
const APOSTROPHES = /['’]/g;

export function cleanWord(raw: string): string {
  const lower = raw.toLowerCase();
  // Most words have no apostrophe; skip the two replacements for them.
  if (!lower.includes("'") && !lower.includes('’')) return lower;
  return lower.replace(POSSESSIVE, '').replace(APOSTROPHES, '');
}

export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = cleanWord(match[0]);
    if (word) words.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return words;
}
