/**
 * The shapes search works on and returns. Every searchable thing (a corpus passage, a
 * footnote, an annotation, a draft...) is flattened into one `SearchDocument` so that one
 * index, one ranking and one set of facets cover them all.
 */

export const searchDocumentTypes = ['passage', 'footnote', 'entity', 'recommendation', 'annotation', 'topic', 'draft', 'document'] as const;
export type SearchDocumentType = (typeof searchDocumentTypes)[number];

/** Values a document can be narrowed by; each is a facet in the results. */
export interface SearchFacetValues {
  /** The corpus or imported document the item belongs to. */
  document?: string;
  /** Entity ids mentioned by (or, for an entity, equal to) the item. */
  entities?: string[];
  /** Topic ids the item is coded with (or, for a topic, equal to). */
  topics?: string[];
  /** Who a recommendation is addressed to. */
  addressees?: string[];
}

export interface SearchDocument {
  type: SearchDocumentType;
  /** Unique across everything the engine holds: `${type}:${sourceId}`. */
  id: string;
  /** The id of the thing itself (passage id, entity id, annotation id...). */
  sourceId: string;
  docId?: string;
  /** Shown as the result's heading and indexed with a higher boost than the body. */
  title: string;
  text: string;
  /** Extra words that should find the item but are not its text: aliases, URLs, topic names. */
  keywords?: string;
  facets: SearchFacetValues;
  /** Where the item lives, for the renderer to open it (passage id, page...). */
  passageId?: string;
  page?: number;
  urls?: string[];
}

export interface SearchFilters {
  type?: SearchDocumentType;
  docId?: string;
  entityId?: string;
  topicId?: string;
  addressee?: string;
}

export interface SearchOptions {
  /** How many results to return (the total and facets always count all). Default 50. */
  limit?: number;
  /** Search only these types (a scope, applied before facets are counted). */
  types?: readonly SearchDocumentType[];
  /** Facet filters: each narrows the results to exactly its facet count. */
  filters?: SearchFilters;
  /** Treat the last word as a prefix, as while typing. Default true. */
  prefix?: boolean;
}

/** [start, end) in UTF-16 code units of the string it belongs to. */
export type HighlightRange = [number, number];

export interface Snippet {
  text: string;
  highlights: HighlightRange[];
}

export interface SearchResult {
  type: SearchDocumentType;
  id: string;
  docId?: string;
  title: string;
  snippet: Snippet;
  /** Highlights in the title, for the result heading. */
  titleHighlights: HighlightRange[];
  text: string;
  score: number;
  /** Which shard the result came from: 'corpus' or a user-content shard name. */
  shard: string;
  document: SearchDocument;
}

export type FacetCounts = Record<string, number>;

export interface SearchFacets {
  type: FacetCounts;
  document: FacetCounts;
  entity: FacetCounts;
  topic: FacetCounts;
  addressee: FacetCounts;
}

export interface SearchResultGroup {
  type: SearchDocumentType;
  results: SearchResult[];
}

export interface SearchResponse {
  results: SearchResult[];
  /** The same results grouped by type, groups ordered by their best result. */
  groups: SearchResultGroup[];
  facets: SearchFacets;
  /** true when nothing matched as typed and these results come from the fuzzy retry. */
  fuzzy: boolean;
  /** Number of results after scope and filters, before the limit. */
  total: number;
}
