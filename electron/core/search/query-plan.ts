/**
 * What a query requires of a document, as slots that must all be satisfied. A slot is one
 * thing the user asked for (a word, a quoted phrase, an entity's name) and lists its
 * alternatives: the word itself, every alias of the entity it names, its completions while
 * typing, its near spellings in the fuzzy retry. A document satisfies a slot if it contains
 * all the terms of one alternative (in order, for a phrase).
 */
import type { AliasCatalogue } from './aliases';
import { foldedWord, isStopWord, termKey } from './pipeline';
import type { QueryPart } from './query-parser';

export interface PlanTerm {
  /** Index term (folded, spelling-normalised, stemmed). */
  key: string;
  /** Also match index terms starting with this (folded word as typed). */
  prefix?: string;
  /** Also match index terms within this many edits. */
  fuzzyDistance?: number;
}

export interface Alternative {
  terms: PlanTerm[];
  /** Index terms of every word in order, stop words included, checked against the text. */
  phrase?: string[];
  /** How much a match on this alternative is worth relative to the words as typed. */
  weight: number;
}

export interface Slot {
  alternatives: Alternative[];
}

export const WEIGHTS = { exact: 1, alias: 0.9, prefix: 0.7, fuzzy: 0.5 } as const;

/** Typed words shorter than this are not completed: "k*" would expand to half the vocabulary. */
const MIN_PREFIX_LENGTH = 2;

/** Edit distance for the fuzzy retry: none for short words, where one edit is another word. */
export function fuzzyDistanceFor(key: string): number {
  if (key.length < 4) return 0;
  return key.length < 8 ? 1 : 2;
}

export function planQuery(parts: readonly QueryPart[], aliases: AliasCatalogue, fuzzy: boolean): Slot[] {
  const slots: Slot[] = [];
  let i = 0;
  while (i < parts.length) {
    const part = parts[i]!;
    if (part.kind === 'phrase') {
      slots.push({ alternatives: [phraseAlternative(part.words, WEIGHTS.exact)] });
      i++;
      continue;
    }
    // Consecutive loose words are looked up in the entity catalogue, longest name first.
    const run: Extract<QueryPart, { kind: 'word' }>[] = [];
    for (let j = i; j < parts.length && parts[j]!.kind === 'word'; j++) run.push(parts[j] as Extract<QueryPart, { kind: 'word' }>);
    const keys = run.map((w) => termKey(w.word));
    let k = 0;
    while (k < run.length) {
      const alias = aliases.matchAt(keys, k);
      if (alias) {
        const typed = run.slice(k, k + alias.length);
        const alternatives = alias.names.map((name) => phraseAlternative(name.words, WEIGHTS.alias));
        alternatives.push(typedAlternative(typed, fuzzy));
        slots.push({ alternatives });
        k += alias.length;
        continue;
      }
      const slot = wordSlot(run[k]!, fuzzy);
      if (slot) slots.push(slot);
      k++;
    }
    i += run.length;
  }
  return slots;
}

function wordSlot(part: { word: string; prefix: boolean }, fuzzy: boolean): Slot | undefined {
  const folded = foldedWord(part.word);
  const key = termKey(part.word);
  const term: PlanTerm = { key };
  if (part.prefix) {
    if (folded.length < MIN_PREFIX_LENGTH) return undefined;
    term.prefix = folded;
  } else if (isStopWord(part.word) || !key) {
    return undefined;
  }
  const distance = fuzzy ? fuzzyDistanceFor(key) : 0;
  if (distance > 0) term.fuzzyDistance = distance;
  return { alternatives: [{ terms: [term], weight: WEIGHTS.exact }] };
}

/** The words exactly as typed, kept as an alternative beside an entity's other names. */
function typedAlternative(words: readonly { word: string; prefix: boolean }[], fuzzy: boolean): Alternative {
  if (words.length === 1) {
    const slot = wordSlot(words[0]!, fuzzy);
    if (slot) return slot.alternatives[0]!;
  }
  // Typed without quotes, the words are required but not as a phrase: "kosovo police" finds
  // "police in northern Kosovo" too.
  const keys = words.filter((w) => !isStopWord(w.word)).map((w) => termKey(w.word)).filter(Boolean);
  return { terms: [...new Set(keys)].map((key) => ({ key })), weight: WEIGHTS.exact };
}

function phraseAlternative(words: readonly string[], weight: number): Alternative {
  const keys = words.map(termKey);
  // Stop words are not in the index, so only the phrase check can require them.
  const indexed = keys.filter((key, n) => key && !isStopWord(words[n]!));
  const terms = [...new Set(indexed)].map((key) => ({ key }));
  return keys.length > 1 ? { terms, phrase: [...keys], weight } : { terms, weight };
}
