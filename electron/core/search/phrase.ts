/**
 * Phrase matching, which lunr does not have: the words of the phrase, normalised as the index
 * normalises them, must follow one another in the text. Punctuation between them is allowed
 * (users type "Ibër Lepenc" for "Ibër-Lepenc"); other words are not.
 */
import { termKey } from './pipeline';
import { splitWords } from './words';

/** Where the phrase's terms next occur as a run in `terms`, at or after `from`; -1 if nowhere. */
export function indexOfPhrase(terms: readonly string[], phrase: readonly string[], from = 0): number {
  if (phrase.length === 0) return -1;
  const first = phrase[0];
  for (let i = from; i + phrase.length <= terms.length; i++) {
    if (terms[i] !== first) continue;
    let n = 1;
    while (n < phrase.length && terms[i + n] === phrase[n]) n++;
    if (n === phrase.length) return i;
  }
  return -1;
}

/** The [start, end) of every occurrence of the phrase (given as index terms) in `text`. */
export function findPhrases(text: string, phrase: readonly string[]): [number, number][] {
  const found: [number, number][] = [];
  if (phrase.length === 0) return found;
  const words = splitWords(text);
  const terms = words.map((w) => termKey(w.word));
  for (let i = indexOfPhrase(terms, phrase); i >= 0; i = indexOfPhrase(terms, phrase, i + phrase.length)) {
    found.push([words[i]!.start, words[i + phrase.length - 1]!.end]);
  }
  return found;
}
