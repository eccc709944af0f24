/** The user's recent searches, newest first, kept in the workspace settings. */
import type { Workspace } from '../store';

export const MAX_RECENT_SEARCHES = 20;

export class RecentSearches {
  constructor(private readonly workspace: Workspace) {}

  list(): string[] {
    return [...this.workspace.settings.get().recentSearches];
  }

  async remember(query: string): Promise<string[]> {
    const trimmed = query.trim();
    // A read-only workspace still searches; it just does not remember.
    if (!trimmed || this.workspace.readOnly) return this.list();
    await this.workspace.settings.update((settings) => {
      settings.recentSearches = [trimmed, ...settings.recentSearches.filter((q) => q !== trimmed)].slice(0, MAX_RECENT_SEARCHES);
    });
    return this.list();
  }
}
