/** The search area's collections, apart from its engine so that opening a workspace does not load lunr. */
import { recentSearchesCollection } from './recent-searches';

export { recentSearchesCollection } from './recent-searches';

export const searchCollections = [recentSearchesCollection] as const;
