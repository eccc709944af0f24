import { WorkbenchError } from '../api/errors';
import type { Corpus, CorpusDocument, Entity, Footnote, Mention, Passage, Recommendation, Section } from './schema';

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Lookups over the bundled corpus plus the documents the user imported. Imported
 * documents are added and removed as whole units, so the maps are rebuilt per document.
 */
export class CorpusIndex {
  private documents = new Map<string, CorpusDocument>();
  private passagesById = new Map<string, Passage>();
  private passagesByDoc = new Map<string, Passage[]>();
  private sectionsByDoc = new Map<string, Section[]>();
  private footnotesByDoc = new Map<string, Footnote[]>();
  private mentionsByDoc = new Map<string, Mention[]>();
  private mentionsByEntity = new Map<string, Mention[]>();
  private entitiesById = new Map<string, Entity>();

  constructor(readonly corpus: Corpus) {
    for (const document of corpus.documents) this.documents.set(document.id, document);
    for (const passage of corpus.passages) this.passagesById.set(passage.id, passage);
    this.passagesByDoc = groupBy(corpus.passages, (passage) => passage.docId);
    for (const passages of this.passagesByDoc.values()) passages.sort((a, b) => a.order - b.order);
    this.sectionsByDoc = groupBy(corpus.sections, (section) => section.docId);
    for (const sections of this.sectionsByDoc.values()) sections.sort((a, b) => a.order - b.order);
    this.footnotesByDoc = groupBy(corpus.footnotes, (footnote) => footnote.docId);
    this.mentionsByDoc = groupBy(corpus.mentions, (mention) => mention.docId);
    this.mentionsByEntity = groupBy(corpus.mentions, (mention) => mention.entityId);
    for (const entity of corpus.entities) this.entitiesById.set(entity.id, entity);
  }

  allDocuments(): CorpusDocument[] {
    return [...this.documents.values()];
  }

  document(docId: string): CorpusDocument {
    const document = this.documents.get(docId);
    if (!document) throw new WorkbenchError('NOT_FOUND', `No document with id ${docId}. List the documents with \`workbench documents\`.`);
    return document;
  }

  hasDocument(docId: string): boolean {
    return this.documents.has(docId);
  }

  passages(docId: string): Passage[] {
    this.document(docId);
    return this.passagesByDoc.get(docId) ?? [];
  }

  passage(passageId: string): Passage {
    const passage = this.passagesById.get(passageId);
    if (!passage) throw new WorkbenchError('NOT_FOUND', `No passage with id ${passageId}.`);
    return passage;
  }

  findPassage(passageId: string): Passage | undefined {
    return this.passagesById.get(passageId);
  }

  sections(docId: string): Section[] {
    this.document(docId);
    return this.sectionsByDoc.get(docId) ?? [];
  }

  footnotes(docId: string): Footnote[] {
    this.document(docId);
    return this.footnotesByDoc.get(docId) ?? [];
  }

  mentionsInDocument(docId: string): Mention[] {
    return this.mentionsByDoc.get(docId) ?? [];
  }

  mentionsOf(entityId: string): Mention[] {
    return this.mentionsByEntity.get(entityId) ?? [];
  }

  entities(): Entity[] {
    return [...this.entitiesById.values()];
  }

  entity(entityId: string): Entity {
    const entity = this.entitiesById.get(entityId);
    if (!entity) throw new WorkbenchError('NOT_FOUND', `No entity with id ${entityId}. List them with \`workbench entities\`.`);
    return entity;
  }

  recommendations(docId?: string): Recommendation[] {
    return docId ? this.corpus.recommendations.filter((item) => item.docId === docId) : this.corpus.recommendations;
  }

  /** Adds (or replaces) an imported document and its passages and footnotes. */
  addDocument(document: CorpusDocument, passages: Passage[], footnotes: Footnote[]): void {
    this.removeDocument(document.id);
    this.documents.set(document.id, document);
    const ordered = [...passages].sort((a, b) => a.order - b.order);
    this.passagesByDoc.set(document.id, ordered);
    for (const passage of ordered) this.passagesById.set(passage.id, passage);
    this.footnotesByDoc.set(document.id, footnotes);
  }

  /** Replaces a document's description (its metadata), keeping its passages. */
  replaceDocument(document: CorpusDocument): void {
    if (!this.documents.has(document.id)) throw new WorkbenchError('NOT_FOUND', `No document with id ${document.id}.`);
    this.documents.set(document.id, document);
  }

  removeDocument(docId: string): void {
    for (const passage of this.passagesByDoc.get(docId) ?? []) this.passagesById.delete(passage.id);
    this.documents.delete(docId);
    this.passagesByDoc.delete(docId);
    this.footnotesByDoc.delete(docId);
    this.sectionsByDoc.delete(docId);
  }
}
