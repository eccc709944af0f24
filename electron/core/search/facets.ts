/**
 * Facets: counts of results per type, document, entity, topic and addressee. Each dimension is
 * counted over the results that pass every OTHER filter, so picking a value gives exactly the
 * count shown next to it, and the other values of that dimension stay visible to switch to.
 */
import type { SearchDocument, SearchFacets, SearchFilters } from './types';

export type FacetDimension = keyof SearchFacets;
export const FACET_DIMENSIONS: readonly FacetDimension[] = ['type', 'document', 'entity', 'topic', 'addressee'];

const FILTER_OF: Record<FacetDimension, keyof SearchFilters> = {
  type: 'type',
  document: 'docId',
  entity: 'entityId',
  topic: 'topicId',
  addressee: 'addressee',
};

export function facetValues(doc: SearchDocument, dimension: FacetDimension): readonly string[] {
  switch (dimension) {
    case 'type':
      return [doc.type];
    case 'document':
      return doc.facets.document === undefined ? [] : [doc.facets.document];
    case 'entity':
      return doc.facets.entities ?? [];
    case 'topic':
      return doc.facets.topics ?? [];
    case 'addressee':
      return doc.facets.addressees ?? [];
  }
}

/** Whether a document passes the filters, ignoring the one for `except`. */
export function passesFilters(doc: SearchDocument, filters: SearchFilters, except?: FacetDimension): boolean {
  for (const dimension of FACET_DIMENSIONS) {
    if (dimension === except) continue;
    const wanted = filters[FILTER_OF[dimension]];
    if (wanted !== undefined && !facetValues(doc, dimension).includes(wanted)) return false;
  }
  return true;
}

export function countFacets(docs: readonly SearchDocument[], filters: SearchFilters): SearchFacets {
  // Plain maps while counting: a common word matches most of the library.
  const counts = new Map<FacetDimension, Map<string, number>>(FACET_DIMENSIONS.map((d) => [d, new Map()]));
  const unfiltered = FACET_DIMENSIONS.every((d) => filters[FILTER_OF[d]] === undefined);
  for (const doc of docs) {
    for (const dimension of FACET_DIMENSIONS) {
      if (!unfiltered && !passesFilters(doc, filters, dimension)) continue;
      const values = facetValues(doc, dimension);
      if (values.length === 0) continue;
      const dimensionCounts = counts.get(dimension)!;
      // A value is counted once per document, however often the document lists it.
      for (const value of values.length === 1 ? values : new Set(values)) dimensionCounts.set(value, (dimensionCounts.get(value) ?? 0) + 1);
    }
  }
  const facets = {} as SearchFacets;
  for (const dimension of FACET_DIMENSIONS) facets[dimension] = Object.fromEntries(counts.get(dimension)!);
  return facets;
}
