/** Small operations on id lists, shared by the service's commands. */

export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export function union(current: readonly string[], added: readonly string[]): string[] {
  return unique([...current, ...added]);
}

export function without(current: readonly string[], removed: readonly string[]): string[] {
  const drop = new Set(removed);
  return current.filter((id) => !drop.has(id));
}

export function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Optional arguments arrive as `undefined` fields; services' input types leave them out. */
export function withoutUndefined<T extends object>(input: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
