import type { SearchDocumentType, SearchFacets, SearchFilters } from '../../../../electron/core/search/types';

/** The facet panels, in the order shown, each with the filter a click on one of its values sets. */
export const facetDimensions = [
  { facet: 'type', filter: 'type', label: 'Type' },
  { facet: 'document', filter: 'docId', label: 'Paper' },
  { facet: 'entity', filter: 'entityId', label: 'Entity' },
  { facet: 'topic', filter: 'topicId', label: 'Topic' },
  { facet: 'addressee', filter: 'addressee', label: 'Addressee' },
] as const satisfies ReadonlyArray<{ facet: keyof SearchFacets; filter: keyof SearchFilters; label: string }>;

export type FacetDimension = (typeof facetDimensions)[number];

/** A click on a value narrows to it; a click on the value already chosen un-narrows. */
export function toggleFilter(filters: SearchFilters, dimension: FacetDimension, value: string): SearchFilters {
  const next: SearchFilters = { ...filters };
  if (next[dimension.filter] === value) delete next[dimension.filter];
  else if (dimension.filter === 'type') next.type = value as SearchDocumentType;
  else next[dimension.filter] = value;
  return next;
}

export const typeLabels: Record<SearchDocumentType, { one: string; many: string }> = {
  passage: { one: 'Passage', many: 'Passages' },
  footnote: { one: 'Footnote', many: 'Footnotes' },
  entity: { one: 'Entity', many: 'Entities' },
  recommendation: { one: 'Recommendation', many: 'Recommendations' },
  annotation: { one: 'Annotation', many: 'Annotations' },
  topic: { one: 'Topic', many: 'Topics' },
  draft: { one: 'Draft', many: 'Drafts' },
  document: { one: 'Paper', many: 'Papers' },
};
