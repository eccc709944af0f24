import type { AnnotationsData } from './annotation-schema';

/** Small operations on annotation records and id lists, shared by the service's commands. */

export function removeById(data: AnnotationsData, id: string): void {
  const position = data.annotations.findIndex((annotation) => annotation.id === id);
  if (position !== -1) data.annotations.splice(position, 1);
}

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
