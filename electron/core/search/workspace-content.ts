/**
 * The user's content, read from the workspace and the live corpus, as search documents.
 * Records are checked with their own schemas; one damaged record is skipped, not fatal.
 */
import { AnnotationSchema } from '../annotations/annotation-schema';
import type { CorpusIndex } from '../corpus/corpus-index';
import { EntitySchema, type Entity } from '../corpus/schema';
import { plainText } from '../drafts/content';
import { DraftSchema } from '../drafts/model';
import type { Workspace } from '../store';
import { TopicSchema, type Topic } from '../topics/topic-schema';
import { corpusToSearchDocuments } from './corpus-documents';
import { annotationToSearchDocument, draftToSearchDocument, topicToSearchDocument } from './user-documents';
import type { SearchDocument } from './types';

function valid<T>(records: readonly unknown[], schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T[] {
  return records.flatMap((record) => {
    const parsed = schema.safeParse(record);
    return parsed.success ? [parsed.data] : [];
  });
}

export function workspaceTopics(workspace: Workspace): Topic[] {
  return valid(workspace.topics.get().topics, TopicSchema);
}

export function topicDocuments(workspace: Workspace): SearchDocument[] {
  return workspaceTopics(workspace).map(topicToSearchDocument);
}

export function annotationDocuments(workspace: Workspace): SearchDocument[] {
  const topics = new Map(workspaceTopics(workspace).map((t) => [t.id, t]));
  return valid(workspace.annotations.get().annotations, AnnotationSchema).map((annotation) =>
    annotationToSearchDocument({
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
    }),
  );
}

/** Drafts not in the trash. */
export function draftDocuments(workspace: Workspace): SearchDocument[] {
  return valid(workspace.drafts.get().drafts, DraftSchema)
    .filter((draft) => !draft.trashedAt)
    .map((draft) => draftToSearchDocument({ id: draft.id, title: draft.title, text: plainText(draft.content) }));
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
export function allEntities(corpus: CorpusIndex, workspace: Workspace): Entity[] {
  return [...corpus.entities(), ...valid(workspace.userEntities.get().entities, EntitySchema)];
}
