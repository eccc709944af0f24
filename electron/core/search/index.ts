/** Full-text search over the corpus and the user's content: the engine, the search area, its methods and CLI. */
export * from './types';
export { buildIndex, serializeIndex, loadIndex, FIELD_BOOSTS } from './build-index';
export { corpusToSearchDocuments, searchId } from './corpus-documents';
export { annotationToSearchDocument, topicToSearchDocument, draftToSearchDocument } from './user-documents';
export type { AnnotationInput, TopicInput, DraftInput } from './user-documents';
export { SearchEngine, CORPUS_SHARD, type SearchEngineOptions } from './engine';
export { registerSearchPipeline } from './pipeline';
export { ShardedCollection } from './user-shards';
export { createSearchArea, searchIndexFile, type SearchSources } from './area';
export { searchMethods, SearchQueryArgs } from './methods';
export { registerSearchCommands } from './cli';
export { RecentSearches, MAX_RECENT_SEARCHES } from './recent-searches';
export { recentSearchesCollection, searchCollections } from './collections';
