import type { Annotation } from './annotation-schema';

/**
 * Lookups by id and by document over the stored array, so that 10,000 annotations cost a
 * map lookup rather than a scan. The store owns the array; the index only remembers
 * positions, and rebuilds itself when the array is not the one it indexed (a reload, a
 * restore from backup) or a position turns out stale.
 */
export class AnnotationIndex {
  private source: Annotation[] | undefined;
  private positions = new Map<string, number>();
  private byDocument = new Map<string, Set<string>>();

  constructor(private readonly read: () => Annotation[]) {}

  all(): readonly Annotation[] {
    return this.current();
  }

  get(id: string): Annotation | undefined {
    const list = this.current();
    const position = this.positions.get(id);
    if (position === undefined) return undefined;
    const found = list[position];
    if (found?.id === id) return found;
    this.rebuild(list);
    const retried = this.positions.get(id);
    return retried === undefined ? undefined : list[retried];
  }

  position(id: string): number | undefined {
    return this.get(id) ? this.positions.get(id) : undefined;
  }

  ofDocument(docId: string): Annotation[] {
    const ids = this.current() && this.byDocument.get(docId);
    if (!ids) return [];
    return [...ids].map((id) => this.get(id)).filter((annotation): annotation is Annotation => annotation !== undefined);
  }

  /**
   * Record an annotation just appended to the array. Cheap when the index was current
   * before the append (the common case: one new annotation among 10,000).
   */
  appended(annotation: Annotation): void {
    const list = this.read();
    const appendedLast = list === this.source && list.length === this.positions.size + 1 && list[list.length - 1]?.id === annotation.id;
    if (!appendedLast) {
      this.invalidate();
      return;
    }
    this.positions.set(annotation.id, list.length - 1);
    this.documentSet(annotation.docId).add(annotation.id);
  }

  /** After removals or insertions in the middle, positions shift: rebuild on next use. */
  invalidate(): void {
    this.source = undefined;
  }

  private current(): Annotation[] {
    const list = this.read();
    if (list !== this.source || this.positions.size !== list.length) this.rebuild(list);
    return list;
  }

  private rebuild(list: Annotation[]): void {
    this.source = list;
    this.positions = new Map();
    this.byDocument = new Map();
    list.forEach((annotation, position) => {
      this.positions.set(annotation.id, position);
      this.documentSet(annotation.docId).add(annotation.id);
    });
  }

  private documentSet(docId: string): Set<string> {
    let ids = this.byDocument.get(docId);
    if (!ids) {
      ids = new Set();
      this.byDocument.set(docId, ids);
    }
    return ids;
  }
}
