import type { Handlers } from '../api/contract';
import type { Preferences } from '../api/methods/settings';
import type { Workspace } from '../store';

type SettingsMethod = 'settings.readingPosition' | 'settings.saveReadingPosition' | 'settings.lastReadingPosition' | 'settings.preferences' | 'settings.setPreferences';

const defaultPreferences: Preferences = { highlightColoring: 'annotation' };

export function settingsHandlers(workspace: Workspace): Pick<Handlers, SettingsMethod> {
  const preferences = (): Preferences => ({ ...defaultPreferences, ...workspace.settings.get().preferences });
  return {
    'settings.readingPosition': ({ docId }) => workspace.settings.get().readingPositions[docId] ?? null,
    'settings.saveReadingPosition': async ({ docId, passageId, page }) => {
      await workspace.settings.update((draft) => {
        draft.readingPositions[docId] = {
          ...(passageId ? { passageId } : {}),
          ...(page ? { page } : {}),
          updatedAt: new Date().toISOString(),
        };
      });
    },
    'settings.lastReadingPosition': () => latestOf(workspace.settings.get().readingPositions),
    'settings.preferences': () => preferences(),
    'settings.setPreferences': async (changes) => {
      await workspace.settings.update((draft) => {
        // Only the keys given change; the settings file holds other modules' data too.
        draft.preferences = { ...draft.preferences, ...changes };
      });
      return preferences();
    },
  };
}

/** The position saved most recently, with the paper it is in. */
function latestOf(positions: Record<string, { passageId?: string; page?: number; updatedAt: string }>) {
  let latest: { docId: string; passageId?: string; page?: number; updatedAt: string } | null = null;
  for (const [docId, position] of Object.entries(positions)) {
    if (!latest || position.updatedAt > latest.updatedAt) latest = { docId, ...position };
  }
  return latest;
}
