import type { Area, CoreContext } from '../core-context';
import type { settingsMethods } from './methods';
import { ReadingPositions } from './reading-positions';

/** The settings area: reading positions. */
export function createSettingsArea(context: CoreContext): Area<typeof settingsMethods> {
  const positions = new ReadingPositions(context.workspace);
  return {
    handlers: {
      'settings.readingPosition': ({ docId }) => positions.get(docId),
      'settings.saveReadingPosition': ({ docId, passageId, page }) => positions.save(docId, { ...(passageId ? { passageId } : {}), ...(page ? { page } : {}) }),
    },
  };
}
