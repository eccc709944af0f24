/**
 * Shards: a lunr index and the documents in it (`Shard`), or a live set of a few documents
 * (`LiveShard`, live-shard.ts), scored the same way (`ShardBase`). The bundled corpus is one
 * shard; user content is split into small shards (one per imported document, buckets of
 * annotations and drafts, topics) because a lunr index cannot be changed, only rebuilt, and
 * rebuilding a small shard is cheap where rebuilding everything is not. What was saved since
 * its bucket was built waits in the live shard, which needs no rebuild at all.
 */
import lunr from 'lunr';
import { INDEXED_FIELDS } from './build-index';
import { indexOfPhrase } from './phrase';
import { kept } from './kept';
import { termKey } from './pipeline';
import { WEIGHTS, type Alternative, type PlanTerm, type Slot } from './query-plan';
import type { SearchDocument } from './types';
import { splitWords } from './words';

/** The parts of lunr.Index that scoring needs and @types/lunr does not declare. */
interface IndexInternals {
  invertedIndex: Record<string, Posting | undefined>;
  fieldVectors: Record<string, { elements: number[] } | undefined>;
  tokenSet: lunr.TokenSet;
}
type Posting = { _index: number } & Record<string, Record<string, unknown>>;

/** lunr.TokenSet's constructors, present in lunr 2.3 but missing from its type declarations. */
export const TokenSets = lunr.TokenSet as unknown as {
  fromString(pattern: string): lunr.TokenSet;
  fromFuzzyString(term: string, editDistance: number): lunr.TokenSet;
  /** From terms in sorted order. */
  fromArray(terms: readonly string[]): lunr.TokenSet;
};

/**
 * The automaton matching every string within `distance` edits of `key`. One query asks every
 * shard for the same word's near spellings, and building the automaton cost more than
 * walking it through a shard's vocabulary: it is built once and kept for the next shards
 * (intersecting reads a TokenSet without changing it).
 */
export const fuzzyTokenSet: (key: string, distance: number) => lunr.TokenSet = kept(
  (key: string, distance: number) => TokenSets.fromFuzzyString(key, distance),
  (key, distance) => `${distance}:${key}`,
  // A few words per query.
  16,
);

/** A prefix or a near spelling is expanded to at most this many index terms, nearest first. */
export const MAX_EXPANSIONS = 40;

export interface ShardMatch {
  doc: SearchDocument;
  score: number;
}

export interface TermPostings {
  /** Ordinals of the documents containing the term. */
  docs: Int32Array;
  /** The term's weight in each of those documents. */
  weights: Float64Array;
}

/** What a query's terms stand for in one shard's vocabulary. */
export interface Expansion {
  terms: Map<PlanTerm, string[]>;
  /** Every index term the query can match here. */
  allTerms: Set<string>;
  /**
   * Terms to mark wherever they occur. Terms of a phrase or multi-word name are marked only
   * where the whole phrase occurs, or "KSF" would light up every "force".
   */
  highlightTerms: Set<string>;
}

/** The expansion of a query none of whose terms a shard holds: shared, never changed. */
export const EMPTY_EXPANSION: Expansion = Object.freeze({ terms: new Map(), allTerms: new Set<string>(), highlightTerms: new Set<string>() }) as Expansion;

/** Rescales a term's weight from this shard's idf to the idf over all shards. */
export type TermScale = (term: string) => number;

/** Told when a shard that changes in place gains or loses a term (the engine's TermDirectory). */
export interface VocabularyListener {
  added(term: string, shard: ShardBase): void;
  removed(term: string, shard: ShardBase): void;
}

/**
 * What every shard does the same way, whatever holds its index: expanding a query's terms
 * over its vocabulary and scoring its documents from posting lists of BM25 weights.
 * `Shard` reads a built lunr index; `LiveShard` (live-shard.ts) keeps a few documents that
 * change with every save and computes the same weights lunr would.
 */
export abstract class ShardBase {
  /** Documents left out of results: a newer version is in another shard, or they were deleted. */
  hidden: ReadonlySet<string> = new Set();
  /** Told of changes to the vocabulary, by a shard that changes in place. */
  vocabularyListener: VocabularyListener | undefined;
  /** A document's words as index terms (phrase checks); keyed by the document, which never changes. */
  private readonly termsCache = new WeakMap<SearchDocument, string[]>();

  constructor(readonly name: string) {}

  /** How many documents the shard holds (the document count of its idf). */
  abstract get size(): number;

  /** The document at ordinal `d` (0 ≤ d < size), the ordinals posting lists refer to. */
  protected abstract document(d: number): SearchDocument;

  /** Whether `term` is in the shard's vocabulary. */
  protected abstract hasTerm(term: string): boolean;

  /** Every index term in the shard. */
  abstract vocabulary(): Iterable<string>;

  /** Every index term that starts with `prefix`. */
  protected abstract termsWithPrefix(prefix: string): string[];

  /** Every index term within `distance` edits of `key` (lunr's fuzzy matching). */
  protected abstract termsNear(key: string, distance: number): string[];

  /**
   * Documents in this shard counted as containing `term`, as lunr counts them for idf (once
   * per field the term occurs in).
   */
  abstract documentFrequency(term: string): number;

  /**
   * A term's posting list as typed arrays: document ordinals and the term's BM25 weight in
   * each (summed over fields, field boosts included).
   */
  abstract postings(term: string): TermPostings;

  /** Work the first queries would otherwise do, as small steps (see `SearchEngine.warmUp`). */
  abstract preparationSteps(): Generator<void>;

  /** The index terms a query term stands for in this shard. */
  expand(term: PlanTerm): string[] {
    // Most terms are neither completed nor fuzzy: the word itself, or nothing.
    if (!term.prefix && !term.fuzzyDistance) return term.key && this.hasTerm(term.key) ? [term.key] : [];
    const terms = new Set<string>();
    if (term.key && this.hasTerm(term.key)) terms.add(term.key);
    const extra: string[] = [];
    if (term.prefix) {
      for (const prefix of new Set([term.prefix, term.key])) {
        if (prefix) extra.push(...this.termsWithPrefix(prefix));
      }
    }
    if (term.fuzzyDistance) extra.push(...this.termsNear(term.key, term.fuzzyDistance));
    // Shortest completions first: "banj" means "banjska" before "banjskaattack".
    extra.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    for (const t of extra) {
      if (terms.size >= MAX_EXPANSIONS) break;
      terms.add(t);
    }
    return [...terms];
  }

  /**
   * What each of the query's terms stands for here. A shard that holds none of them (most
   * shards, for a rare word) answers with one shared empty expansion, allocating nothing.
   */
  expandSlots(slots: readonly Slot[]): Expansion {
    let expansion: Expansion | undefined;
    for (const slot of slots) {
      for (const alt of slot.alternatives) {
        for (const term of alt.terms) {
          const expanded = this.expand(term);
          if (expanded.length === 0) continue;
          expansion ??= { terms: new Map(), allTerms: new Set(), highlightTerms: new Set() };
          expansion.terms.set(term, expanded);
          for (const t of expanded) {
            expansion.allTerms.add(t);
            if (!alt.phrase) expansion.highlightTerms.add(t);
          }
        }
      }
    }
    return expansion ?? EMPTY_EXPANSION;
  }

  /**
   * Documents satisfying every slot, scored. Evaluated over the posting lists directly rather
   * than through lunr.Index.query, which allocates a FieldRef and a MatchData per posting and
   * took 160 ms for one common word ("kosovo") at 20x the corpus. Scores are dense arrays
   * over the shard's documents, -1 meaning "not satisfied".
   */
  match(slots: readonly Slot[], expansion: Expansion, scale: TermScale): ShardMatch[] {
    // A slot none of whose alternatives has every term in this shard's vocabulary rules out
    // every document: skip the scoring (most shards, for a rare word).
    if (!slots.every((slot) => slot.alternatives.some((alt) => alt.terms.length > 0 && alt.terms.every((term) => (expansion.terms.get(term)?.length ?? 0) > 0)))) return [];
    const n = this.size;
    let total: Float64Array | undefined;
    for (const slot of slots) {
      const slotScore = new Float64Array(n).fill(-1);
      for (const alt of slot.alternatives) {
        const altScore = this.alternativeScores(alt, expansion, scale);
        if (!altScore) continue;
        for (let d = 0; d < n; d++) {
          const score = altScore[d]!;
          if (score < 0) continue;
          // A slot counts once, by its best alternative: a document saying both "KSF" and
          // "Kosovo Security Force" is not twice as relevant.
          const weighted = score * alt.weight;
          if (weighted <= slotScore[d]!) continue;
          // The phrase check reads the text, so it is left for last and skipped when it
          // could not change the score.
          if (alt.phrase && !this.hasPhrase(d, alt.phrase)) continue;
          slotScore[d] = weighted;
        }
      }
      total = total ? addScores(total, slotScore) : slotScore;
    }
    const matches: ShardMatch[] = [];
    if (!total) return matches;
    for (let d = 0; d < n; d++) {
      if (total[d]! < 0) continue;
      const doc = this.document(d);
      if (this.hidden.size > 0 && this.hidden.has(doc.id)) continue;
      matches.push({ doc, score: total[d]! });
    }
    return matches;
  }

  /** Per document, the sum over the alternative's terms of each term's best expansion. */
  private alternativeScores(alt: Alternative, expansion: Expansion, scale: TermScale): Float64Array | undefined {
    if (alt.terms.length === 0) return undefined;
    let altScore: Float64Array | undefined;
    for (const term of alt.terms) {
      const termScore = new Float64Array(this.size).fill(-1);
      for (const t of expansion.terms.get(term) ?? []) {
        const factor = (t === term.key ? 1 : term.fuzzyDistance ? WEIGHTS.fuzzy : WEIGHTS.prefix) * scale(t);
        const postings = this.postings(t);
        for (let i = 0; i < postings.docs.length; i++) {
          const d = postings.docs[i]!;
          const score = postings.weights[i]! * factor;
          if (score > termScore[d]!) termScore[d] = score;
        }
      }
      altScore = altScore ? addScores(altScore, termScore) : termScore;
    }
    return altScore;
  }

  /** Whether the phrase's terms follow one another in the title, keywords or text. */
  private hasPhrase(d: number, phrase: readonly string[]): boolean {
    return indexOfPhrase(this.documentTerms(d), phrase) >= 0;
  }

  /**
   * The document's words as index terms, fields separated by '' so that no phrase runs from
   * the title into the text. Kept once computed: phrase queries on common words check
   * thousands of documents, and the terms are shared strings.
   */
  protected documentTerms(d: number): readonly string[] {
    const doc = this.document(d);
    let keys = this.termsCache.get(doc);
    if (!keys) {
      keys = [];
      for (const field of [doc.title, doc.keywords ?? '', doc.text]) {
        for (const w of splitWords(field)) keys.push(termKey(w.word));
        keys.push('');
      }
      this.termsCache.set(doc, keys);
    }
    return keys;
  }
}

/** A shard over a built lunr index: the corpus, a bucket of annotations, an imported document. Never changes. */
export class Shard extends ShardBase {
  private readonly docList: SearchDocument[];
  private readonly ordinals = new Map<string, number>();
  private readonly internals: IndexInternals;
  private readonly documentFrequencies = new Map<string, number>();
  private readonly postingCache = new Map<string, TermPostings>();

  constructor(
    name: string,
    readonly index: lunr.Index,
    docs: Iterable<SearchDocument>,
  ) {
    super(name);
    this.docList = [...docs];
    this.docList.forEach((doc, d) => this.ordinals.set(doc.id, d));
    this.internals = index as unknown as IndexInternals;
  }

  get size(): number {
    return this.docList.length;
  }

  protected document(d: number): SearchDocument {
    return this.docList[d]!;
  }

  protected hasTerm(term: string): boolean {
    return this.internals.invertedIndex[term] !== undefined;
  }

  vocabulary(): Iterable<string> {
    return Object.keys(this.internals.invertedIndex);
  }

  protected termsWithPrefix(prefix: string): string[] {
    return this.internals.tokenSet.intersect(TokenSets.fromString(`${prefix}*`)).toArray();
  }

  protected termsNear(key: string, distance: number): string[] {
    return this.internals.tokenSet.intersect(fuzzyTokenSet(key, distance)).toArray();
  }

  /** Cached: a shard never changes. */
  documentFrequency(term: string): number {
    let df = this.documentFrequencies.get(term);
    if (df === undefined) {
      const posting = this.internals.invertedIndex[term];
      df = 0;
      if (posting) for (const field of INDEXED_FIELDS) df += Object.keys(posting[field] ?? {}).length;
      this.documentFrequencies.set(term, df);
    }
    return df;
  }

  /**
   * Every posting list, and every document's terms for phrase checks. Each step takes well
   * under a millisecond.
   */
  *preparationSteps(): Generator<void> {
    for (const term of Object.keys(this.internals.invertedIndex)) {
      this.postings(term);
      yield;
    }
    for (let d = 0; d < this.docList.length; d++) {
      this.documentTerms(d);
      yield;
    }
  }

  /** From lunr's field vectors; built on first use and kept: the shard never changes. */
  postings(term: string): TermPostings {
    let cached = this.postingCache.get(term);
    if (cached) return cached;
    const posting = this.internals.invertedIndex[term];
    const weights = new Map<number, number>();
    if (posting) {
      for (const field of INDEXED_FIELDS) {
        for (const ref of Object.keys(posting[field] ?? {})) {
          const d = this.ordinals.get(ref);
          const vector = this.internals.fieldVectors[`${field}/${ref}`];
          if (d === undefined || !vector) continue;
          weights.set(d, (weights.get(d) ?? 0) + valueAt(vector.elements, posting._index));
        }
      }
    }
    cached = { docs: Int32Array.from(weights.keys()), weights: Float64Array.from(weights.values()) };
    this.postingCache.set(term, cached);
    return cached;
  }
}

function addScores(into: Float64Array, other: Float64Array): Float64Array {
  for (let d = 0; d < into.length; d++) {
    const a = into[d]!;
    const b = other[d]!;
    into[d] = a < 0 || b < 0 ? -1 : a + b;
  }
  return into;
}

/** A lunr vector stores [index, value, index, value...] sorted by index. */
function valueAt(elements: readonly number[], index: number): number {
  let lo = 0;
  let hi = elements.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = elements[mid * 2]!;
    if (at === index) return elements[mid * 2 + 1]!;
    if (at < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
