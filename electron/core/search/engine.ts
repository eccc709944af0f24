/**
 * The search engine the app talks to: the prebuilt corpus index plus small user-content
 * shards, queried together, ranked on one scale, faceted and highlighted.
 */
import type lunr from 'lunr';
import type { Entity } from '../corpus/schema';
import { AliasCatalogue } from './aliases';
import { buildIndex, loadIndex } from './build-index';
import { countFacets, passesFilters } from './facets';
import { highlightRanges, makeSnippet } from './highlight';
import { parseQuery } from './query-parser';
import { planQuery, type Slot } from './query-plan';
import { idfCorrection } from './scoring';
import { EMPTY_EXPANSION, Shard, type ShardBase, type ShardMatch, type VocabularyListener } from './shard';
import { TermDirectory } from './term-directory';
import type { SearchDocument, SearchDocumentType, SearchFilters, SearchOptions, SearchResponse, SearchResult, SearchResultGroup } from './types';

export const CORPUS_SHARD = 'corpus';
export const DEFAULT_LIMIT = 50;

export interface SearchEngineOptions {
  /** The corpus index as built by the corpus build: a loaded index, or its saved JSON. */
  corpusIndex: lunr.Index | string | object;
  /** The documents the corpus index was built from (results show them). */
  corpusDocs: Iterable<SearchDocument>;
  /** The entity catalogue, for alias expansion. */
  entities: readonly Pick<Entity, 'id' | 'name' | 'aliases'>[];
}

interface ScoredMatch extends ShardMatch {
  shard: ShardBase;
  highlightTerms: ReadonlySet<string>;
}

export class SearchEngine {
  private readonly shards = new Map<string, ShardBase>();
  private readonly directory = new TermDirectory();
  private readonly vocabularyListener: VocabularyListener = {
    added: (term, shard) => this.directory.addTerm(term, shard),
    removed: (term, shard) => this.directory.removeTerm(term, shard),
  };
  private aliases: AliasCatalogue;

  constructor(options: SearchEngineOptions) {
    const index = isLunrIndex(options.corpusIndex) ? options.corpusIndex : loadIndex(options.corpusIndex);
    this.putShard(new Shard(CORPUS_SHARD, index, options.corpusDocs));
    this.aliases = new AliasCatalogue(options.entities);
  }

  /** Replaces the entity catalogue, e.g. after the user adds an entity or an alias. */
  setEntities(entities: readonly Pick<Entity, 'id' | 'name' | 'aliases'>[]): void {
    this.aliases = new AliasCatalogue(entities);
  }

  /**
   * Indexes a user-content shard, replacing any shard of that name. The new content is
   * searchable as soon as this returns.
   */
  setShard(name: string, docs: readonly SearchDocument[]): void {
    if (name === CORPUS_SHARD) throw new Error('The corpus shard is loaded once and cannot be replaced');
    if (docs.length === 0) {
      this.dropShard(name);
      return;
    }
    this.putShard(new Shard(name, buildIndex(docs), docs));
  }

  /**
   * Adds a shard that changes in place (a `LiveShard`), replacing any shard of its name: what
   * it holds when a query runs is what the query finds.
   */
  addShard(shard: ShardBase): void {
    if (shard.name === CORPUS_SHARD) throw new Error('The corpus shard is loaded once and cannot be replaced');
    this.putShard(shard);
    shard.vocabularyListener = this.vocabularyListener;
  }

  /**
   * Leaves these documents of a shard out of results until the shard is rebuilt: their newer
   * version is in another shard, or they were deleted.
   */
  hideDocuments(name: string, ids: ReadonlySet<string>): void {
    const shard = this.shards.get(name);
    if (shard) shard.hidden = new Set(ids);
  }

  /**
   * Builds every posting list and every document's phrase-check terms now rather than on the
   * first query that needs them, a millisecond or two at a time so that the process stays
   * responsive: a save or query that arrives meanwhile waits for one slice at most. Call once
   * after start, when idle: at 50x the corpus, the first search for a common word or a name
   * with aliases otherwise pays a few hundred milliseconds.
   */
  async warmUp(options: { sliceMs?: number; signal?: AbortSignal } = {}): Promise<void> {
    const sliceMs = options.sliceMs ?? 2;
    for (const shard of [...this.shards.values()]) {
      let sliceStart = performance.now();
      for (const _step of shard.preparationSteps()) {
        if (options.signal?.aborted) return;
        if (performance.now() - sliceStart > sliceMs) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
    }
  }

  removeShard(name: string): void {
    if (name === CORPUS_SHARD) throw new Error('The corpus shard cannot be removed');
    this.dropShard(name);
  }

  /**
   * Adds a shard, or replaces the one of its name in its place (shards are searched in the
   * order they came, which orders equal results), keeping the directory of terms in step.
   */
  private putShard(shard: ShardBase): void {
    const replaced = this.shards.get(shard.name);
    if (replaced) this.forgetTerms(replaced);
    this.shards.set(shard.name, shard);
    this.directory.addShard(shard);
  }

  private dropShard(name: string): void {
    const shard = this.shards.get(name);
    if (!shard) return;
    this.shards.delete(name);
    this.forgetTerms(shard);
  }

  private forgetTerms(shard: ShardBase): void {
    this.directory.removeShard(shard);
    if (shard.vocabularyListener === this.vocabularyListener) shard.vocabularyListener = undefined;
  }

  /** The shards holding documents (an empty live shard is not counted). */
  shardNames(): string[] {
    return [...this.shards.values()].filter((shard) => shard.size > 0).map((shard) => shard.name);
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const parts = parseQuery(query, options.prefix ?? true);
    const scope = options.types ? new Set<SearchDocumentType>(options.types) : undefined;
    let slots = planQuery(parts, this.aliases, false);
    let matches = this.matchAll(slots, scope);
    let fuzzy = false;
    if (matches.length === 0 && slots.length > 0) {
      // Nothing as typed: retry with near spellings, and say so.
      const fuzzySlots = planQuery(parts, this.aliases, true);
      const retried = this.matchAll(fuzzySlots, scope);
      if (retried.length > 0) {
        slots = fuzzySlots;
        matches = retried;
        fuzzy = true;
      }
    }

    const filters = options.filters ?? {};
    const facets = countFacets(matches.map((m) => m.doc), filters);
    const filtered = hasFilters(filters) ? matches.filter((m) => passesFilters(m.doc, filters)) : matches;
    const limit = options.limit ?? DEFAULT_LIMIT;
    const results = topMatches(filtered, limit).map((m) => this.toResult(m, slots));
    return { results, groups: groupByType(results), facets, fuzzy, total: filtered.length };
  }

  private matchAll(slots: readonly Slot[], scope: ReadonlySet<SearchDocumentType> | undefined): ScoredMatch[] {
    if (slots.length === 0) return [];
    // An empty live shard takes no part, as an empty built shard is dropped (setShard).
    const shards = [...this.shards.values()].filter((shard) => shard.size > 0);
    // Words as typed (no completion, no near spellings) can only be in the shards the
    // directory names for them: the others are not asked.
    const holding = this.shardsHoldingExactly(slots);
    const expansions = shards.map((shard) => (holding && !holding.has(shard) ? EMPTY_EXPANSION : shard.expandSlots(slots)));
    const documentCount = shards.reduce((sum, shard) => sum + shard.size, 0);
    const globalFrequency = new Map<string, number>();
    for (const expansion of expansions) {
      for (const term of expansion.allTerms) {
        if (globalFrequency.has(term)) continue;
        // A shard without the term counts it in no document.
        let frequency = 0;
        for (const shard of this.directory.shardsWith(term)) frequency += shard.documentFrequency(term);
        globalFrequency.set(term, frequency);
      }
    }
    const scored: ScoredMatch[] = [];
    shards.forEach((shard, n) => {
      const expansion = expansions[n]!;
      // Holding none of the query's terms, a shard can satisfy no slot: nothing to score.
      if (expansion.allTerms.size === 0) return;
      const corrections = new Map<string, number>();
      const scale = (term: string): number => {
        // With the corpus alone the correction is 1; it matters once user shards exist.
        if (shards.length === 1) return 1;
        let correction = corrections.get(term);
        if (correction === undefined) {
          correction = idfCorrection({
            shardDocumentFrequency: shard.documentFrequency(term),
            shardDocumentCount: shard.size,
            globalDocumentFrequency: globalFrequency.get(term) ?? 0,
            globalDocumentCount: documentCount,
          });
          corrections.set(term, correction);
        }
        return correction;
      };
      for (const match of shard.match(slots, expansion, scale)) {
        if (scope && !scope.has(match.doc.type)) continue;
        scored.push({ doc: match.doc, score: match.score, shard, highlightTerms: expansion.highlightTerms });
      }
    });
    return scored;
  }

  /** The shards holding any of the query's terms, when none of them is completed or fuzzy; else undefined (every shard may). */
  private shardsHoldingExactly(slots: readonly Slot[]): Set<ShardBase> | undefined {
    const holding = new Set<ShardBase>();
    for (const slot of slots) {
      for (const alt of slot.alternatives) {
        for (const term of alt.terms) {
          if (term.prefix || term.fuzzyDistance) return undefined;
          for (const shard of this.directory.shardsWith(term.key)) holding.add(shard);
        }
      }
    }
    return holding;
  }

  private toResult(match: ScoredMatch, slots: readonly Slot[]): SearchResult {
    const { doc } = match;
    const matchedTerms = match.highlightTerms;
    const phrases = slots.flatMap((slot) => slot.alternatives.flatMap((alt) => (alt.phrase ? [alt.phrase] : [])));
    return {
      type: doc.type,
      id: doc.id,
      docId: doc.docId,
      title: doc.title,
      titleHighlights: highlightRanges(doc.title, matchedTerms, phrases),
      snippet: makeSnippet(doc.text, highlightRanges(doc.text, matchedTerms, phrases)),
      text: doc.text,
      score: match.score,
      shard: match.shard.name,
      document: doc,
    };
  }
}

function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** Best first, ties by id so that the order is stable between runs and between shards. */
function compareMatches(a: ScoredMatch, b: ScoredMatch): number {
  return b.score - a.score || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);
}

/**
 * The best `limit` matches in order. A common word matches most of the library and only a
 * page of it is shown, so this keeps a small sorted list instead of sorting everything.
 */
function topMatches(matches: readonly ScoredMatch[], limit: number): ScoredMatch[] {
  if (limit <= 0) return [];
  if (matches.length <= limit * 4) return [...matches].sort(compareMatches).slice(0, limit);
  const top: ScoredMatch[] = [];
  for (const match of matches) {
    if (top.length === limit && compareMatches(match, top[limit - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && compareMatches(match, top[at - 1]!) < 0) at--;
    top.splice(at, 0, match);
    if (top.length > limit) top.pop();
  }
  return top;
}

function groupByType(results: readonly SearchResult[]): SearchResultGroup[] {
  const groups = new Map<SearchDocumentType, SearchResult[]>();
  for (const result of results) {
    let group = groups.get(result.type);
    if (!group) groups.set(result.type, (group = []));
    group.push(result);
  }
  return [...groups].map(([type, grouped]) => ({ type, results: grouped }));
}

function isLunrIndex(value: unknown): value is lunr.Index {
  return typeof value === 'object' && value !== null && typeof (value as { query?: unknown }).query === 'function';
}
