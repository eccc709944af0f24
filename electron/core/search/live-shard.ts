/**
 * A shard that changes with every save: the few user documents saved since their bucket was
 * last built. lunr cannot add a document to a built index, and rebuilding even a small index
 * on every save cost most of "save to searchable". This shard keeps each document's terms,
 * found by the very pipeline lunr indexes with (the same tokenizer, trimmer, folding, stop
 * words, spelling and stemmer, from `configureBuilder`), and scores them at query time with
 * the BM25 weights lunr's builder would have stored for an index of exactly these documents
 * (same k1, b, field boosts, idf and rounding). A save is a few map updates; the engine
 * rescales its idf to the idf over all shards as for any other shard, so its results rank
 * with the others'.
 */
import lunr from 'lunr';
import { FIELD_BOOSTS, INDEXED_FIELDS, type IndexedField } from './build-index';
import { indexTerm } from './pipeline';
import { splitWords } from './words';
import { idf } from './scoring';
import { fuzzyTokenSet, ShardBase, TokenSets, type TermPostings } from './shard';
import type { SearchDocument } from './types';

/** lunr.Builder's defaults, which `buildIndex` keeps. */
const K1 = 1.2;
const B = 0.75;
const FIELD_COUNT = INDEXED_FIELDS.length;
const BOOSTS = INDEXED_FIELDS.map((field) => FIELD_BOOSTS[field]);

/** One document's terms: per field, its length in terms and each term's frequency. */
interface Analysed {
  doc: SearchDocument;
  lengths: number[];
  /** term -> frequency in each field (by INDEXED_FIELDS order). */
  frequencies: Map<string, number[]>;
}

/** A field's index terms: the builder's tokenizer is `splitWords`, its pipeline `indexTerm` (which keeps each word's term). */
function fieldTerms(value: string): string[] {
  const terms: string[] = [];
  for (const { word } of splitWords(value)) {
    const term = indexTerm(word);
    if (term !== null) terms.push(term);
  }
  return terms;
}

function fieldValue(doc: SearchDocument, field: IndexedField): string {
  return doc[field] ?? '';
}

/** The terms lunr would index for this document, field by field. */
export function analyse(doc: SearchDocument): Analysed {
  const lengths: number[] = [];
  const frequencies = new Map<string, number[]>();
  INDEXED_FIELDS.forEach((field, f) => {
    const terms = fieldTerms(fieldValue(doc, field));
    lengths.push(terms.length);
    for (const term of terms) {
      let counts = frequencies.get(term);
      if (!counts) frequencies.set(term, (counts = new Array<number>(FIELD_COUNT).fill(0)));
      counts[f]! += 1;
    }
  });
  return { doc, lengths, frequencies };
}

export class LiveShard extends ShardBase {
  /** Documents in ordinal order; a removal moves the last one into the gap. */
  private readonly entries: Analysed[] = [];
  private readonly ordinals = new Map<string, number>();
  /** term -> ordinals of the documents holding it. */
  private readonly inverted = new Map<string, Set<number>>();
  private readonly lengthSums = new Array<number>(FIELD_COUNT).fill(0);
  /** Posting lists computed since the last change (a change alters every weight: idf, average lengths). */
  private readonly postingCache = new Map<string, TermPostings>();
  private tokenSet: lunr.TokenSet | undefined;
  /** Documents analysed ahead of `set` (while their save is being written), by id. */
  private prepared = new Map<string, Analysed>();

  get size(): number {
    return this.entries.length;
  }

  has(id: string): boolean {
    return this.ordinals.has(id);
  }

  get(id: string): SearchDocument | undefined {
    const d = this.ordinals.get(id);
    return d === undefined ? undefined : this.entries[d]!.doc;
  }

  /** Every document, in no particular order. */
  documents(): SearchDocument[] {
    return this.entries.map((entry) => entry.doc);
  }

  /**
   * Analyses documents about to be `set`, changing nothing searchable: a save does this once
   * its lines are written, before they are known to be durable. Only the latest call's
   * documents are kept.
   */
  prepare(docs: readonly SearchDocument[]): void {
    this.prepared = new Map(docs.map((doc) => [doc.id, analyse(doc)]));
  }

  /** Adds or replaces a document; it is searchable when this returns. */
  set(doc: SearchDocument): void {
    this.delete(doc.id);
    const entry = this.takePrepared(doc) ?? analyse(doc);
    const d = this.entries.length;
    this.entries.push(entry);
    this.ordinals.set(doc.id, d);
    this.addTerms(entry, d);
    this.changed();
  }

  /** Removes a document; true if it was here. */
  delete(id: string): boolean {
    const d = this.ordinals.get(id);
    if (d === undefined) return false;
    const entry = this.entries[d]!;
    this.removeTerms(entry, d);
    this.ordinals.delete(id);
    const last = this.entries.pop()!;
    if (last !== entry) {
      // The last document takes the removed one's ordinal.
      const from = this.entries.length;
      this.removeTerms(last, from);
      this.entries[d] = last;
      this.ordinals.set(last.doc.id, d);
      this.addTerms(last, d);
    }
    this.changed();
    return true;
  }

  clear(): void {
    if (this.vocabularyListener) for (const term of this.inverted.keys()) this.vocabularyListener.removed(term, this);
    this.entries.length = 0;
    this.ordinals.clear();
    this.inverted.clear();
    this.lengthSums.fill(0);
    this.changed();
  }

  protected document(d: number): SearchDocument {
    return this.entries[d]!.doc;
  }

  /** The analysis `prepare` made of this very text, if any (a topic renamed in the same batch changes it). */
  private takePrepared(doc: SearchDocument): Analysed | undefined {
    const prepared = this.prepared.get(doc.id);
    if (!prepared) return undefined;
    this.prepared.delete(doc.id);
    const same = INDEXED_FIELDS.every((field) => fieldValue(prepared.doc, field) === fieldValue(doc, field));
    return same ? { ...prepared, doc } : undefined;
  }

  protected hasTerm(term: string): boolean {
    return this.inverted.has(term);
  }

  vocabulary(): Iterable<string> {
    return this.inverted.keys();
  }

  protected termsWithPrefix(prefix: string): string[] {
    const terms: string[] = [];
    for (const term of this.inverted.keys()) if (term.startsWith(prefix)) terms.push(term);
    return terms;
  }

  protected termsNear(key: string, distance: number): string[] {
    const tokenSet = (this.tokenSet ??= TokenSets.fromArray([...this.inverted.keys()].sort()));
    return tokenSet.intersect(fuzzyTokenSet(key, distance)).toArray();
  }

  documentFrequency(term: string): number {
    let df = 0;
    for (const d of this.inverted.get(term) ?? []) {
      const counts = this.entries[d]!.frequencies.get(term)!;
      for (let f = 0; f < FIELD_COUNT; f++) if (counts[f]! > 0) df++;
    }
    return df;
  }

  /** Nothing to prepare: the shard is small and changes with every save. */
  *preparationSteps(): Generator<void> {}

  /** The weights lunr's builder would store for an index of these documents, summed over fields. */
  postings(term: string): TermPostings {
    let cached = this.postingCache.get(term);
    if (cached) return cached;
    const holders = [...(this.inverted.get(term) ?? [])];
    const documentCount = this.entries.length;
    const termIdf = idf(this.documentFrequency(term), documentCount);
    const docs = new Int32Array(holders.length);
    const weights = new Float64Array(holders.length);
    holders.forEach((d, i) => {
      const entry = this.entries[d]!;
      const counts = entry.frequencies.get(term)!;
      let weight = 0;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const tf = counts[f]!;
        if (tf === 0) continue;
        const averageLength = this.lengthSums[f]! / documentCount;
        let score = (termIdf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (entry.lengths[f]! / averageLength)) + tf);
        score *= BOOSTS[f]!;
        weight += Math.round(score * 1000) / 1000;
      }
      docs[i] = d;
      weights[i] = weight;
    });
    cached = { docs, weights };
    this.postingCache.set(term, cached);
    return cached;
  }

  private addTerms(entry: Analysed, d: number): void {
    for (const term of entry.frequencies.keys()) {
      let holders = this.inverted.get(term);
      if (!holders) {
        this.inverted.set(term, (holders = new Set()));
        this.vocabularyListener?.added(term, this);
      }
      holders.add(d);
    }
    entry.lengths.forEach((length, f) => (this.lengthSums[f]! += length));
  }

  private removeTerms(entry: Analysed, d: number): void {
    for (const term of entry.frequencies.keys()) {
      const holders = this.inverted.get(term);
      if (!holders) continue;
      holders.delete(d);
      if (holders.size === 0) {
        this.inverted.delete(term);
        this.vocabularyListener?.removed(term, this);
      }
    }
    entry.lengths.forEach((length, f) => (this.lengthSums[f]! -= length));
  }

  private changed(): void {
    this.postingCache.clear();
    this.tokenSet = undefined;
  }
}
