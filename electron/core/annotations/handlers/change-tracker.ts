import type { UndoState } from '../../api/methods/annotations';
import type { CoreContext } from '../../core-context';
import type { Annotation } from '../annotation-schema';
import type { CodingServices } from '../coding-services';

/**
 * Works out what a change touched by comparing records before and after it. The services
 * replace records rather than mutate them, so comparing references is exact and cheap; it
 * also covers undo and redo, whose commands do not say which documents they touch.
 */
export class ChangeTracker {
  constructor(
    private readonly context: CoreContext,
    private readonly services: CodingServices,
  ) {}

  undoState(): UndoState {
    const { undo } = this.services;
    return {
      canUndo: undo.canUndo,
      canRedo: undo.canRedo,
      ...(undo.nextUndoLabel ? { undoLabel: undo.nextUndoLabel } : {}),
      ...(undo.nextRedoLabel ? { redoLabel: undo.nextRedoLabel } : {}),
    };
  }

  /** Runs a change, then tells search (domain bus) and open views (published event). */
  async track<T>(change: () => Promise<T>): Promise<T> {
    const annotationsBefore = new Map(this.annotations().map((annotation) => [annotation.id, annotation]));
    const topicsBefore = [...this.context.workspace.topics.get().topics];
    try {
      return await change();
    } finally {
      this.announce(annotationsBefore, topicsBefore);
    }
  }

  private announce(annotationsBefore: Map<string, Annotation>, topicsBefore: readonly unknown[]): void {
    const docIds = new Set<string>();
    const seen = new Set<string>();
    for (const annotation of this.annotations()) {
      seen.add(annotation.id);
      if (annotationsBefore.get(annotation.id) !== annotation) docIds.add(annotation.docId);
      const previous = annotationsBefore.get(annotation.id);
      if (previous && previous !== annotation && previous.docId !== annotation.docId) docIds.add(previous.docId);
    }
    for (const [id, annotation] of annotationsBefore) if (!seen.has(id)) docIds.add(annotation.docId);
    const topicsAfter = this.context.workspace.topics.get().topics;
    const topicsChanged = topicsAfter.length !== topicsBefore.length || topicsAfter.some((topic, index) => topic !== topicsBefore[index]);

    const changedDocIds = [...docIds].sort();
    if (changedDocIds.length > 0) this.context.bus.emit('annotations.changed', { docIds: changedDocIds });
    if (topicsChanged) this.context.bus.emit('topics.changed', {});
    this.context.publish('annotations.changed', { docIds: changedDocIds, topicsChanged, undo: this.undoState() });
  }

  private annotations(): readonly Annotation[] {
    return this.context.workspace.annotations.get().annotations as unknown as Annotation[];
  }
}
