/**
 * The user's content as search documents, asked of the areas that own it (never read from
 * their collections here), and the live corpus's imported documents.
 */
import type { Annotation, AnnotationsFace } from '../annotations';
import type { CorpusIndex } from '../corpus/corpus-index';
import type { Entity } from '../corpus/schema';
import { plainText, type Draft } from '../drafts';
import type { Topic } from '../topics';
import { corpusToSearchDocuments } from './corpus-documents';
import { annotationToSearchDocument, draftToSearchDocument, topicToSearchDocument } from './user-documents';
import type { SearchDocument } from './types';

export function topicDocuments(topics: readonly Topic[]): SearchDocument[] {
  return topics.map(topicToSearchDocument);
}

/** An annotation with the names of its topics, which search indexes as keywords. */
export function annotationDocument(annotation: Annotation, topics: AnnotationsFace['topics']): SearchDocument {
  return annotationToSearchDocument({
    id: annotation.id,
    docId: annotation.docId,
    passageId: annotation.target.passageIds[0],
    quote: annotation.target.selectors.quote.exact,
    note: annotation.note,
    topics: annotation.topicIds.flatMap((id) => {
      const topic = topics.get(id);
      return topic ? [{ id, name: topic.name }] : [];
    }),
    entityIds: annotation.entityIds,
  });
}

/** Drafts in the trash are not searched. */
export function draftDocument(draft: Draft): SearchDocument | undefined {
  return draft.trashedAt ? undefined : draftToSearchDocument({ id: draft.id, title: draft.title, text: plainText(draft.content) });
}

/** The bundled corpus's documents; imported ones get shards of their own. */
export function bundledDocuments(corpus: CorpusIndex): SearchDocument[] {
  const bundled = new Set(corpus.corpus.documents.filter((d) => d.origin === 'bundled').map((d) => d.id));
  const c = corpus.corpus;
  return corpusToSearchDocuments({
    documents: c.documents.filter((d) => bundled.has(d.id)),
    passages: c.passages.filter((p) => bundled.has(p.docId)),
    footnotes: c.footnotes.filter((f) => bundled.has(f.docId)),
    mentions: c.mentions,
    recommendations: c.recommendations.filter((r) => bundled.has(r.docId)),
    entities: c.entities,
  });
}

export function importedDocumentIds(corpus: CorpusIndex): string[] {
  return corpus.allDocuments().filter((d) => d.origin !== 'bundled').map((d) => d.id);
}

/** One imported document's search documents, or none if it is gone. */
export function importedDocuments(corpus: CorpusIndex, docId: string): SearchDocument[] {
  if (!corpus.hasDocument(docId)) return [];
  return corpusToSearchDocuments({ documents: [corpus.document(docId)], passages: corpus.passages(docId), footnotes: corpus.footnotes(docId) });
}

/** The corpus's entities and the user's own, for alias expansion. */
export function allEntities(corpus: CorpusIndex, userEntities: readonly Entity[]): Entity[] {
  return [...corpus.entities(), ...userEntities];
}
