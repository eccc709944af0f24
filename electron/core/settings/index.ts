/** The settings area: where the reader was in each document. */
import { readingPositionsCollection } from './reading-positions';

export { createSettingsArea } from './area';
export { settingsMethods } from './methods';
export type { ReadingPosition } from './methods';
export { readingPositionsCollection, ReadingPositionSchema } from './reading-positions';
export type { ReadingPositionRecord } from './reading-positions';

/** The collections this area owns. */
export const settingsCollections = [readingPositionsCollection] as const;
