import { foldCase } from '../../../electron/common/text/fold';

export interface TypeAheadOption {
  id: string;
  /** Shown, and matched first. */
  label: string;
  /** Shown after the label, muted: a type, a parent topic, a paper. */
  detail?: string;
  /** Other names that find the option (aliases, a topic's full path), matched after the label. */
  keywords?: readonly string[];
}

/** How well a name matches what was typed; higher is better, 0 is no match. */
export const matchRank = { none: 0, substring: 1, wordPrefix: 2, prefix: 3, exact: 4 } as const;
export type MatchRank = (typeof matchRank)[keyof typeof matchRank];

const squash = (text: string) => foldCase(text).replace(/\s+/g, ' ').trim();

/**
 * Exact beats a prefix, which beats a word inside the name starting with the text
 * ("trust" in "Local trust-building"), which beats the text anywhere. Case, accents and
 * runs of spaces do not count.
 */
export function rankMatch(name: string, typed: string): MatchRank {
  return rankFolded(squash(name), squash(typed));
}

/** rankMatch on strings already folded and squashed. */
function rankFolded(text: string, needle: string): MatchRank {
  if (!needle) return matchRank.none;
  if (text === needle) return matchRank.exact;
  if (text.startsWith(needle)) return matchRank.prefix;
  let best: MatchRank = matchRank.none;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    // A word starts after anything that is not a letter or digit: a space, a hyphen, a slash, "(".
    if (!/[\p{L}\p{N}]/u.test(text[at - 1]!)) return matchRank.wordPrefix;
    best = matchRank.substring;
  }
  return best;
}

/**
 * The options matching `typed`, best first. An option's rank is its best over its label
 * and keywords; at equal rank a label match comes before a keyword match, then the
 * options keep the order they were given in (codebook order, most mentioned first).
 */
export function rankOptions<O extends TypeAheadOption>(options: readonly O[], typed: string, exclude: ReadonlySet<string> = new Set(), limit = 8): O[] {
  const needle = squash(typed);
  if (!needle) return [];
  const folded = foldedNames(options);
  const ranked: Array<{ option: O; rank: number; onLabel: boolean; index: number }> = [];
  options.forEach((option, index) => {
    if (exclude.has(option.id)) return;
    const names = folded[index]!;
    const labelRank = rankFolded(names.label, needle);
    const keywordRank = Math.max(matchRank.none, ...names.keywords.map((keyword) => rankFolded(keyword, needle)));
    const rank = Math.max(labelRank, keywordRank);
    if (rank > matchRank.none) ranked.push({ option, rank, onLabel: labelRank === rank, index });
  });
  ranked.sort((a, b) => b.rank - a.rank || Number(b.onLabel) - Number(a.onLabel) || a.index - b.index);
  return ranked.slice(0, limit).map((entry) => entry.option);
}

/**
 * The options' names folded once per list, not once per keystroke: a list is the same
 * array while the user types (the views memoise it), so it is the cache key.
 */
const folding = new WeakMap<readonly TypeAheadOption[], Array<{ label: string; keywords: string[] }>>();
function foldedNames(options: readonly TypeAheadOption[]): Array<{ label: string; keywords: string[] }> {
  let names = folding.get(options);
  if (!names) {
    names = options.map((option) => ({ label: squash(option.label), keywords: (option.keywords ?? []).map(squash) }));
    folding.set(options, names);
  }
  return names;
}

/** True when some option's label is exactly what was typed (then there is nothing new to create). */
export function hasExactLabel(options: readonly TypeAheadOption[], typed: string): boolean {
  return options.some((option) => rankMatch(option.label, typed) === matchRank.exact || (option.keywords ?? []).some((keyword) => rankMatch(keyword, typed) === matchRank.exact));
}
