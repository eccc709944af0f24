import { z } from 'zod';
import { method } from '../api/method';
import { searchDocumentTypes } from './types';
import type { SearchResponse } from './types';

const documentType = z.enum(searchDocumentTypes);

export const SearchQueryArgs = z
  .object({
    query: z.string().max(500),
    limit: z.number().int().min(1).max(500).optional(),
    types: z.array(documentType).max(searchDocumentTypes.length).optional(),
    filters: z
      .object({
        type: documentType.optional(),
        docId: z.string().max(200).optional(),
        entityId: z.string().max(200).optional(),
        topicId: z.string().max(200).optional(),
        addressee: z.string().max(200).optional(),
      })
      .strict()
      .optional(),
    /** Treat the last word as a prefix (as while typing). Default true. */
    prefix: z.boolean().optional(),
  })
  .strict();

/** Methods of the search area. */
export const searchMethods = {
  'search.query': method<SearchResponse>()(SearchQueryArgs),
  /** The user's recent searches, newest first. */
  'search.recent': method<string[]>()(z.object({}).strict()),
  'search.remember': method<string[]>()(z.object({ query: z.string().min(1).max(500) }).strict()),
};
