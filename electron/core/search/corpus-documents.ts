/**
 * Turning the structured corpus (and imported documents, which share its shapes) into search
 * documents: one per passage, footnote, entity, recommendation and document.
 */
import type { Corpus, CorpusDocument, Entity, Footnote, Mention, Passage, Recommendation } from '../corpus/schema';
import type { SearchDocument, SearchDocumentType } from './types';

export function searchId(type: SearchDocumentType, sourceId: string): string {
  return `${type}:${sourceId}`;
}

/** Entity ids mentioned in each passage, from the corpus mentions. */
export function entitiesByPassage(mentions: readonly Mention[]): Map<string, string[]> {
  const byPassage = new Map<string, Set<string>>();
  for (const mention of mentions) {
    let set = byPassage.get(mention.passageId);
    if (!set) byPassage.set(mention.passageId, (set = new Set()));
    set.add(mention.entityId);
  }
  return new Map([...byPassage].map(([passageId, ids]) => [passageId, [...ids]]));
}

export function passageToSearchDocument(passage: Passage, documentTitle: string, entityIds: readonly string[] = []): SearchDocument {
  return {
    type: 'passage',
    id: searchId('passage', passage.id),
    sourceId: passage.id,
    docId: passage.docId,
    // The passage's own section names it; the document title is the fallback for front text.
    title: passage.sectionPath.at(-1) ?? documentTitle,
    text: passage.text,
    keywords: passage.speaker,
    facets: { document: passage.docId, entities: [...entityIds] },
    passageId: passage.id,
    page: passage.page,
  };
}

export function footnoteToSearchDocument(footnote: Footnote, documentTitle: string, entityIds: readonly string[] = []): SearchDocument {
  const sourceId = `${footnote.docId}#fn${footnote.number}`;
  return {
    type: 'footnote',
    id: searchId('footnote', sourceId),
    sourceId,
    docId: footnote.docId,
    title: `Footnote ${footnote.number}, ${documentTitle}`,
    text: footnote.text,
    // URLs are searchable by their words (a site's name, a report's slug).
    keywords: footnote.urls.join(' '),
    facets: { document: footnote.docId, entities: [...entityIds] },
    passageId: footnote.citedBy[0],
    page: footnote.page,
    urls: footnote.urls,
  };
}

export function entityToSearchDocument(entity: Entity): SearchDocument {
  return {
    type: 'entity',
    id: searchId('entity', entity.id),
    sourceId: entity.id,
    title: entity.name,
    text: entity.description,
    keywords: entity.aliases.join(' ; '),
    facets: { entities: [entity.id] },
  };
}

export function recommendationToSearchDocument(recommendation: Recommendation, entityIds: readonly string[] = []): SearchDocument {
  return {
    type: 'recommendation',
    id: searchId('recommendation', recommendation.id),
    sourceId: recommendation.id,
    docId: recommendation.docId,
    title: recommendation.title,
    text: recommendation.text,
    keywords: [...recommendation.addressees, ...recommendation.themes].join(' ; '),
    facets: { document: recommendation.docId, entities: [...entityIds], addressees: [...recommendation.addressees] },
    passageId: recommendation.passageId,
  };
}

export function documentToSearchDocument(document: CorpusDocument): SearchDocument {
  const byline = [...document.authors, ...document.editors, ...document.publishers].join(', ');
  return {
    type: 'document',
    id: searchId('document', document.id),
    sourceId: document.id,
    docId: document.id,
    title: document.subtitle ? `${document.title}: ${document.subtitle}` : document.title,
    text: [byline, document.year, document.note].filter((part) => part !== undefined && part !== '').join('. '),
    keywords: document.kind,
    facets: { document: document.id },
  };
}

/** The parts of a corpus that one document's search documents come from. */
export interface DocumentContent {
  documents: readonly CorpusDocument[];
  passages: readonly Passage[];
  footnotes: readonly Footnote[];
  mentions?: readonly Mention[];
  recommendations?: readonly Recommendation[];
  entities?: readonly Entity[];
}

/**
 * Everything searchable in a corpus or an imported document. Footnote passages are left out:
 * the footnotes themselves are indexed (with their URLs), and indexing both would list every
 * footnote twice.
 */
export function corpusToSearchDocuments(corpus: Corpus | DocumentContent): SearchDocument[] {
  const titles = new Map(corpus.documents.map((d) => [d.id, d.title]));
  const entityIds = entitiesByPassage(corpus.mentions ?? []);
  const unionOf = (passageIds: readonly (string | undefined)[]): string[] => [
    ...new Set(passageIds.flatMap((id) => (id === undefined ? [] : entityIds.get(id) ?? []))),
  ];
  const docs: SearchDocument[] = corpus.documents.map(documentToSearchDocument);
  for (const passage of corpus.passages) {
    if (passage.kind === 'footnote') continue;
    docs.push(passageToSearchDocument(passage, titles.get(passage.docId) ?? passage.docId, entityIds.get(passage.id)));
  }
  for (const footnote of corpus.footnotes) {
    docs.push(footnoteToSearchDocument(footnote, titles.get(footnote.docId) ?? footnote.docId));
  }
  for (const recommendation of corpus.recommendations ?? []) {
    docs.push(recommendationToSearchDocument(recommendation, unionOf([recommendation.passageId, ...recommendation.passageIds])));
  }
  for (const entity of corpus.entities ?? []) docs.push(entityToSearchDocument(entity));
  return docs;
}
