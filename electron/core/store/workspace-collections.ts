import { z } from 'zod';
import { defineCollection } from './collection-definition';

/**
 * The workspace's collection files. The envelope schemas here catch damage (truncation,
 * wrong shapes); each domain service validates its own records in detail.
 */
const records = z.array(z.record(z.string(), z.unknown()));

export const annotationsCollection = defineCollection({
  name: 'annotations',
  version: 1,
  schema: z.object({ annotations: records }),
  defaults: () => ({ annotations: [] }),
  migrations: {},
});

export const topicsCollection = defineCollection({
  name: 'topics',
  version: 1,
  schema: z.object({ topics: records }),
  defaults: () => ({ topics: [] }),
  migrations: {},
});

export const userEntitiesCollection = defineCollection({
  name: 'entities',
  version: 1,
  schema: z.object({ entities: records }),
  defaults: () => ({ entities: [] }),
  migrations: {},
});

export const draftsCollection = defineCollection({
  name: 'drafts',
  version: 1,
  schema: z.object({ drafts: records }),
  defaults: () => ({ drafts: [] }),
  migrations: {},
});

export const libraryCollection = defineCollection({
  name: 'library',
  version: 1,
  schema: z.object({ documents: records }),
  defaults: () => ({ documents: [] }),
  migrations: {},
});

export const settingsCollection = defineCollection({
  name: 'settings',
  version: 1,
  schema: z.object({
    readingPositions: z.record(z.string(), z.object({ passageId: z.string().optional(), page: z.number().optional(), updatedAt: z.string() })),
    recentSearches: z.array(z.string()),
    colorMeanings: z.record(z.string(), z.string()),
    /** Optional, so files written before preferences existed stay valid without a migration. */
    preferences: z.object({ highlightColoring: z.enum(['annotation', 'topic']).optional() }).optional(),
  }),
  defaults: () => ({ readingPositions: {}, recentSearches: [], colorMeanings: {} }),
  migrations: {},
});

export const workspaceCollections = [
  annotationsCollection,
  topicsCollection,
  userEntitiesCollection,
  draftsCollection,
  libraryCollection,
  settingsCollection,
] as const;
