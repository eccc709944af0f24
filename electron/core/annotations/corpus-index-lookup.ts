import { buildDocumentText, type DocumentText } from '../anchoring/document-text';
import type { CorpusIndex } from '../corpus/corpus-index';
import type { Passage } from '../corpus/schema';
import type { CorpusLookup } from './corpus-lookup';

export interface UserEntitySource {
  /** Entities the user added in the workspace, beside the corpus catalogue. */
  userEntities(): ReadonlyArray<{ id: string; name: string }>;
}

/**
 * The CorpusLookup the app uses: the corpus index (bundled plus imported documents) and the
 * workspace's own entities. Document texts are built once per document and rebuilt when the
 * index hands out a different passage list (an imported document re-extracted).
 */
export function corpusLookupFromIndex(index: CorpusIndex, users: UserEntitySource = { userEntities: () => [] }): CorpusLookup {
  const texts = new WeakMap<Passage[], DocumentText>();
  const userEntity = (id: string) => users.userEntities().find((entity) => entity.id === id);
  const corpusEntity = (id: string) => index.entities().find((entity) => entity.id === id);
  return {
    getPassage: (passageId) => index.findPassage(passageId),
    getDocumentText: (docId) => {
      if (!index.hasDocument(docId)) return undefined;
      const passages = index.passages(docId);
      let text = texts.get(passages);
      if (!text) {
        text = buildDocumentText(passages);
        texts.set(passages, text);
      }
      return text;
    },
    entityExists: (entityId) => corpusEntity(entityId) !== undefined || userEntity(entityId) !== undefined,
    recommendationExists: (recommendationId) => index.recommendations().some((item) => item.id === recommendationId),
    documentTitle: (docId) => (index.hasDocument(docId) ? index.document(docId).title : undefined),
    entityName: (entityId) => corpusEntity(entityId)?.name ?? userEntity(entityId)?.name,
    recommendationLabel: (recommendationId) => {
      const recommendation = index.recommendations().find((item) => item.id === recommendationId);
      return recommendation ? `${recommendation.ordinal}. ${recommendation.title}` : undefined;
    },
  };
}
