import type { Handlers } from '../api/contract';
import type { Workspace } from '../store';

export function settingsHandlers(workspace: Workspace): Pick<Handlers, 'settings.readingPosition' | 'settings.saveReadingPosition'> {
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
  };
}
