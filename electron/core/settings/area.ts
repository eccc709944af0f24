import type { Area, CoreContext } from '../core-context';
import type { settingsMethods } from './methods';
import { PreferenceStore } from './preferences';
import { ReadingPositions } from './reading-positions';

/** The settings area: reading positions and preferences. */
export function createSettingsArea(context: CoreContext): Area<typeof settingsMethods> {
  const positions = new ReadingPositions(context.workspace);
  const preferences = new PreferenceStore(context.workspace);
  return {
    handlers: {
      'settings.readingPosition': ({ docId }) => positions.get(docId),
      'settings.saveReadingPosition': ({ docId, passageId, page }) => positions.save(docId, { ...(passageId ? { passageId } : {}), ...(page ? { page } : {}) }),
      'settings.lastReadingPosition': () => positions.latest(),
      'settings.preferences': () => preferences.get(),
      'settings.setPreferences': (changes) => preferences.set(changes),
    },
  };
}
