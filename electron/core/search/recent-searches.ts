/** The user's recent searches, newest first: one record in the `recent-searches` collection. */
import { z } from 'zod';
import type { RecordSet, Workspace } from '../store';
import { defineCollection } from '../store/collection-definition';

export const MAX_RECENT_SEARCHES = 20;
const recordId = 'recent';

export const RecentSearchesSchema = z.object({ id: z.literal(recordId), queries: z.array(z.string().min(1).max(500)).max(MAX_RECENT_SEARCHES) });
export type RecentSearchesRecord = z.infer<typeof RecentSearchesSchema>;

/** Round 1 kept them in `settings.json` as `recentSearches: […]`. */
export const recentSearchesCollection = defineCollection({
  name: 'recent-searches',
  version: 2,
  schema: RecentSearchesSchema,
  legacy: {
    file: 'settings.json',
    records: (data) => {
      const queries = (data as { recentSearches?: string[] }).recentSearches ?? [];
      return queries.length > 0 ? [{ id: recordId, queries: queries.slice(0, MAX_RECENT_SEARCHES) }] : [];
    },
  },
});

export class RecentSearches {
  private readonly records: RecordSet<RecentSearchesRecord>;

  constructor(private readonly workspace: Workspace) {
    this.records = workspace.records(recentSearchesCollection);
  }

  list(): string[] {
    return [...(this.records.get(recordId)?.queries ?? [])];
  }

  async remember(query: string): Promise<string[]> {
    const trimmed = query.trim();
    // A read-only workspace still searches; it just does not remember.
    if (!trimmed || this.workspace.readOnly) return this.list();
    await this.workspace.transact((tx) => {
      const current = tx.get(recentSearchesCollection, recordId)?.queries ?? [];
      tx.put(recentSearchesCollection, { id: recordId, queries: [trimmed, ...current.filter((q) => q !== trimmed)].slice(0, MAX_RECENT_SEARCHES) });
    });
    return this.list();
  }
}
