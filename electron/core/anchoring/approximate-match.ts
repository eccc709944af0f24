/**
 * Bounded approximate substring matching (Sellers' dynamic programme): the span of `text`
 * within [from, to) with the fewest edits (insertions, deletions, substitutions) to become
 * `pattern`. The search is confined to a window because a fuzzy match far from where a
 * quote used to be is more likely a different passage saying something similar.
 * Cost is O(pattern length x window length) time and O(pattern length) memory.
 */
export interface ApproximateMatch {
  start: number;
  end: number;
  /** Edit distance between the pattern and text.slice(start, end). */
  distance: number;
}

export function bestApproximateMatch(
  text: string,
  pattern: string,
  window: { from: number; to: number },
  /** Ties in distance go to the match starting nearest this offset. */
  expectedStart: number,
): ApproximateMatch | undefined {
  const m = pattern.length;
  const from = Math.max(0, window.from);
  const to = Math.min(text.length, window.to);
  if (m === 0 || to <= from) return undefined;

  // Column j of the table: cost[i] is the fewest edits turning pattern[0, i) into some
  // text span ending at j; origin[i] is where that span starts. Row 0 costs nothing
  // anywhere, which is what lets a match start at any text offset.
  let cost = new Int32Array(m + 1);
  let origin = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextOrigin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i += 1) {
    cost[i] = i;
    origin[i] = from;
  }

  let best: ApproximateMatch | undefined;
  const consider = (end: number) => {
    const distance = cost[m]!;
    const start = origin[m]!;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && Math.abs(start - expectedStart) < Math.abs(best.start - expectedStart))
    ) {
      best = { start, end, distance };
    }
  };
  consider(from);

  for (let j = from; j < to; j += 1) {
    const character = text.charCodeAt(j);
    nextCost[0] = 0;
    nextOrigin[0] = j + 1;
    for (let i = 1; i <= m; i += 1) {
      // Prefer the diagonal (match/substitute), then skipping a text character, then
      // skipping a pattern character: the order only decides between equal costs.
      let value = cost[i - 1]! + (pattern.charCodeAt(i - 1) === character ? 0 : 1);
      let start = origin[i - 1]!;
      const skipText = cost[i]! + 1;
      if (skipText < value) {
        value = skipText;
        start = origin[i]!;
      }
      const skipPattern = nextCost[i - 1]! + 1;
      if (skipPattern < value) {
        value = skipPattern;
        start = nextOrigin[i - 1]!;
      }
      nextCost[i] = value;
      nextOrigin[i] = start;
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
    consider(j + 1);
  }
  return best;
}
