import type { DocumentSummary, EntityDetail, EntitySummary, MentionInContext } from '../api/methods/corpus';
import type { Handlers } from '../api/contract';
import type { CorpusIndex } from './corpus-index';
import { describeMetadata } from '../metadata/describe';
import type { CorpusDocument, Mention } from './schema';

const contextChars = 90;

export function pdfUrlFor(document: CorpusDocument): string | undefined {
  if (!document.pdf) return undefined;
  return document.origin === 'bundled' ? `/resources/${document.pdf}` : `/workspace/documents/${document.id}/${document.pdf}`;
}

/** Where the player finds an imported recording (served by app:// from the document's folder). */
export function mediaUrlFor(document: CorpusDocument): string | undefined {
  return document.media ? `/workspace/documents/${document.id}/${document.media.file}` : undefined;
}

export function summarizeDocument(index: CorpusIndex, document: CorpusDocument): DocumentSummary {
  const pdfUrl = pdfUrlFor(document);
  const mediaUrl = mediaUrlFor(document);
  return {
    ...document,
    passageCount: index.passages(document.id).length,
    footnoteCount: index.footnotes(document.id).length,
    recommendationCount: index.recommendations(document.id).length,
    ...(pdfUrl ? { pdfUrl } : {}),
    ...(mediaUrl ? { mediaUrl } : {}),
    metadataFields: describeMetadata(document, (passageId) => index.findPassage(passageId)?.page).fields,
  };
}

function summarizeEntity(index: CorpusIndex, entityId: string): EntitySummary {
  const entity = index.entity(entityId);
  const mentions = index.mentionsOf(entityId);
  return { ...entity, mentionCount: mentions.length, documents: [...new Set(mentions.map((mention) => mention.docId))] };
}

function inContext(index: CorpusIndex, mention: Mention): MentionInContext {
  const passage = index.passage(mention.passageId);
  return {
    ...mention,
    before: passage.text.slice(Math.max(0, mention.start - contextChars), mention.start),
    after: passage.text.slice(mention.end, mention.end + contextChars),
    sectionPath: passage.sectionPath,
    page: passage.page,
  };
}

type CorpusHandlerNames =
  | 'corpus.documents'
  | 'corpus.document'
  | 'corpus.sections'
  | 'corpus.passages'
  | 'corpus.passage'
  | 'corpus.footnotes'
  | 'corpus.entities'
  | 'corpus.entity'
  | 'corpus.mentions'
  | 'corpus.recommendations'
  | 'corpus.statistics';

export function corpusHandlers(index: CorpusIndex): Pick<Handlers, CorpusHandlerNames> {
  return {
    'corpus.documents': () => index.allDocuments().map((document) => summarizeDocument(index, document)),
    'corpus.document': ({ docId }) => summarizeDocument(index, index.document(docId)),
    'corpus.sections': ({ docId }) => index.sections(docId),
    'corpus.passages': ({ docId }) => index.passages(docId),
    'corpus.passage': ({ passageId }) => index.passage(passageId),
    'corpus.footnotes': ({ docId }) => index.footnotes(docId),
    'corpus.entities': ({ type }) =>
      index
        .entities()
        .filter((entity) => !type || entity.type === type)
        .map((entity) => summarizeEntity(index, entity.id)),
    'corpus.entity': ({ entityId }): EntityDetail => ({
      ...summarizeEntity(index, entityId),
      mentions: index.mentionsOf(entityId).map((mention) => inContext(index, mention)),
    }),
    'corpus.mentions': ({ docId }) => index.mentionsInDocument(docId),
    'corpus.recommendations': ({ docId }) => {
      if (docId) index.document(docId);
      return index.recommendations(docId);
    },
    'corpus.statistics': ({ docId }) => index.corpus.statistics.filter((item) => !docId || item.docId === docId),
  };
}
