import { useMemo } from 'react';
import type { EntitySummary } from '../../../../electron/core/api/methods/corpus';
import type { Footnote, Mention, Passage } from '../../../../electron/core/corpus/schema';
import { useApi } from '../../api/use-api';

const noPassages: Passage[] = [];
const noFootnotes: Footnote[] = [];
const noMentions: Mention[] = [];

/** One paper's text as the reader shows it: its summary, passages, notes, entity mentions. */
export function useReaderData(docId: string) {
  const document = useApi('corpus.document', { docId });
  const passagesQuery = useApi('corpus.passages', { docId });
  const footnotes = useApi('corpus.footnotes', { docId }).value ?? noFootnotes;
  const mentions = useApi('corpus.mentions', { docId }).value ?? noMentions;
  // The cards need only the entities by id.
  const entities = useApi('corpus.entities', {}, { select: (all) => new Map(all.map((entity): [string, EntitySummary] => [entity.id, entity])) }).value;
  const passages = passagesQuery.value ?? noPassages;
  const byId = useMemo(() => new Map(passages.map((passage) => [passage.id, passage])), [passages]);
  return { document, passagesQuery, passages, byId, footnotes, mentions, entities: entities ?? new Map<string, EntitySummary>() };
}
