import { bestApproximateMatch } from './approximate-match';
import type { AnchorResult, Selectors } from './types';

export interface AnchorOptions {
  /**
   * The least similarity (1 - edits / quote length) a fuzzy match needs. Below it the
   * text has changed too much to claim the annotation still points at the same words.
   */
  minSimilarity?: number;
  /** How far either side of the old position a fuzzy match may lie, at least. */
  fuzzyWindow?: number;
}

export const defaultMinSimilarity = 0.75;
export const defaultFuzzyWindow = 2000;

/**
 * Finds the span the selectors describe in (possibly changed) text, trying the cheapest and
 * surest strategy first: the old position, then the exact quote, then a fuzzy quote match
 * near the old position. What none of them finds is an orphan, which the caller keeps.
 */
export function anchor(docText: string, selectors: Selectors, options: AnchorOptions = {}): AnchorResult {
  const { exact } = selectors.quote;
  const { start: oldStart, end: oldEnd } = selectors.position;
  if (exact.length === 0) return { status: 'orphan' };

  if (docText.slice(oldStart, oldEnd) === exact) return { status: 'anchored', start: oldStart, end: oldEnd };

  const quoted = findExactQuote(docText, selectors);
  if (quoted !== undefined) return { status: 'anchored', start: quoted, end: quoted + exact.length };

  return fuzzyAnchor(docText, selectors, options);
}

/** Every occurrence of the quote, best first by context agreement, then by nearness. */
function findExactQuote(docText: string, selectors: Selectors): number | undefined {
  const { exact, prefix, suffix } = selectors.quote;
  const oldStart = selectors.position.start;
  let best: { start: number; agreement: number } | undefined;
  for (let at = docText.indexOf(exact); at !== -1; at = docText.indexOf(exact, at + 1)) {
    const agreement =
      commonSuffixLength(docText.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonPrefixLength(docText.slice(at + exact.length, at + exact.length + suffix.length), suffix);
    if (
      !best ||
      agreement > best.agreement ||
      (agreement === best.agreement && Math.abs(at - oldStart) < Math.abs(best.start - oldStart))
    ) {
      best = { start: at, agreement };
    }
  }
  return best?.start;
}

function fuzzyAnchor(docText: string, selectors: Selectors, options: AnchorOptions): AnchorResult {
  const { exact } = selectors.quote;
  const { start: oldStart, end: oldEnd } = selectors.position;
  const minSimilarity = options.minSimilarity ?? defaultMinSimilarity;
  const slack = Math.max(options.fuzzyWindow ?? defaultFuzzyWindow, 2 * exact.length);
  const match = bestApproximateMatch(docText, exact, { from: oldStart - slack, to: oldEnd + slack }, oldStart);
  if (!match || match.end <= match.start) return { status: 'orphan' };
  const similarity = 1 - match.distance / exact.length;
  if (similarity < minSimilarity) return { status: 'orphan' };
  return { status: 'fuzzy', start: match.start, end: match.end };
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let n = 0;
  while (n < limit && a.charCodeAt(n) === b.charCodeAt(n)) n += 1;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let n = 0;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n += 1;
  return n;
}
