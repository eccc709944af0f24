import type { RecordSet } from '../store';
import type { Annotation } from './annotation-schema';

/**
 * Annotations by document, so that a document's 50 annotations among 100,000 cost a map
 * lookup rather than a scan. Kept current from the store's change notifications, which
 * include changes made by other processes.
 */
export class AnnotationsByDocument {
  private readonly byDocument = new Map<string, Set<string>>();
  private readonly unsubscribe: () => void;

  constructor(private readonly records: RecordSet<Annotation>) {
    for (const annotation of records.values()) this.add(annotation);
    this.unsubscribe = records.subscribe((changes) => {
      for (const change of changes) {
        if (change.before) this.byDocument.get(change.before.docId)?.delete(change.id);
        if (change.after) this.add(change.after);
      }
    });
  }

  ofDocument(docId: string): Annotation[] {
    const ids = this.byDocument.get(docId);
    if (!ids) return [];
    return [...ids].map((id) => this.records.get(id)).filter((annotation): annotation is Annotation => annotation !== undefined);
  }

  documentIds(): string[] {
    return [...this.byDocument.entries()].filter(([, ids]) => ids.size > 0).map(([docId]) => docId);
  }

  close(): void {
    this.unsubscribe();
  }

  private add(annotation: Annotation): void {
    let ids = this.byDocument.get(annotation.docId);
    if (!ids) {
      ids = new Set();
      this.byDocument.set(annotation.docId, ids);
    }
    ids.add(annotation.id);
  }
}
