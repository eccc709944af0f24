import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export type FacetLabels = Record<'document' | 'entity' | 'topic', Map<string, string>>;

/** Facets count ids; people read names. Papers, entities and topics are looked up once. */
export function useFacetLabels(): FacetLabels {
  const [labels, setLabels] = useState<FacetLabels>({ document: new Map(), entity: new Map(), topic: new Map() });
  useEffect(() => {
    let current = true;
    void Promise.all([
      api.invoke('corpus.documents', {}).catch(() => []),
      api.invoke('corpus.entities', {}).catch(() => []),
      api.invoke('topics.list', {}).catch(() => []),
    ]).then(([documents, entities, topics]) => {
      if (!current) return;
      setLabels({
        document: new Map(documents.map((d) => [d.id, d.title])),
        entity: new Map(entities.map((e) => [e.id, e.name])),
        topic: new Map(topics.map((t) => [t.id, t.path || t.name])),
      });
    });
    return () => {
      current = false;
    };
  }, []);
  return labels;
}

export function facetLabel(labels: FacetLabels, facet: string, value: string): string {
  if (facet === 'document' || facet === 'entity' || facet === 'topic') return labels[facet].get(value) ?? value;
  return value;
}
