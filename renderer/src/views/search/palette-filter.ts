import { defaultFilter } from 'cmdk';

/**
 * The palette mixes items cmdk filters by their names (views, papers, entities) with search
 * results that core already chose for the query, and that cmdk must not filter out again
 * (`shouldFilter` is all or nothing in cmdk, so this filter does it per item). Within a
 * group, scores keep core's order for search results. cmdk does not reliably reorder groups,
 * so the groups stay in the order they are rendered.
 */
export const QUICK_RESULT_PREFIX = 'quick-search:';
export const SEARCH_EVERYTHING_VALUE = 'search-everything-action';

export function quickResultValue(rank: number, id: string): string {
  return `${QUICK_RESULT_PREFIX}${rank}:${id}`;
}

export function paletteFilter(value: string, search: string, keywords?: string[]): number {
  const lower = value.toLowerCase();
  if (lower.startsWith(QUICK_RESULT_PREFIX)) {
    const rank = Number.parseInt(lower.slice(QUICK_RESULT_PREFIX.length), 10) || 0;
    return 0.4 - Math.min(rank, 30) * 0.01;
  }
  if (lower === SEARCH_EVERYTHING_VALUE) return 0.05;
  return namedScore(value, search, keywords);
}

/**
 * Below this, cmdk's subsequence match is noise: `vucic` "matches" a paper title because
 * its letters occur in order somewhere in sixty characters (0.003), while word starts such
 * as `recs` for Recommendations score about 0.15.
 */
export const MIN_NAMED_SCORE = 0.1;

export function namedScore(value: string, search: string, keywords?: string[]): number {
  const score = defaultFilter(value, search, keywords);
  return score >= MIN_NAMED_SCORE ? 0.5 + score / 2 : 0;
}

/** The best few of a long list (the entity catalogue) by name, so search results stay in view. */
export function bestNamed<T>(items: readonly T[], valueOf: (item: T) => string, search: string, count: number): T[] {
  return items
    .map((item) => ({ item, score: namedScore(valueOf(item), search) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((entry) => entry.item);
}
