/**
 * A function's answers kept by key, for work that repeats with the same arguments (a word's
 * index term, a word's near-spelling automaton). At most `limit` answers are kept: past it
 * the store is emptied, since what users type has no bound.
 */
export function kept<A extends unknown[], T>(compute: (...args: A) => T, keyOf: (...args: A) => string, limit: number): (...args: A) => T {
  const answers = new Map<string, T>();
  return (...args) => {
    const key = keyOf(...args);
    if (answers.has(key)) return answers.get(key)!;
    const value = compute(...args);
    if (answers.size >= limit) answers.clear();
    answers.set(key, value);
    return value;
  };
}
