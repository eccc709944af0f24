import { useMemo } from 'react';
import { useApi } from '../../api/use-api';

export type FacetLabels = Record<'document' | 'entity' | 'topic', Map<string, string>>;

/** Facets count ids; people read names. Papers, entities and topics come from the shared cache. */
export function useFacetLabels(): FacetLabels {
  const documents = useApi('corpus.documents', {}).value;
  const entities = useApi('corpus.entities', {}).value;
  const topics = useApi('topics.list', {}).value;
  return useMemo(
    () => ({
      document: new Map((documents ?? []).map((d) => [d.id, d.title])),
      entity: new Map((entities ?? []).map((e) => [e.id, e.name])),
      topic: new Map((topics ?? []).map((t) => [t.id, t.path || t.name])),
    }),
    [documents, entities, topics],
  );
}

export function facetLabel(labels: FacetLabels, facet: string, value: string): string {
  if (facet === 'document' || facet === 'entity' || facet === 'topic') return labels[facet].get(value) ?? value;
  return value;
}
