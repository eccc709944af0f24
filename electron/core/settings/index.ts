/** The settings area: where the reader was in each document, and the user's preferences. */
import { preferencesCollection } from './preferences';
import { readingPositionsCollection } from './reading-positions';

export { createSettingsArea } from './area';
export { settingsMethods } from './methods';
export type { ReadingPosition, Preferences, HighlightColoring } from './methods';
export { readingPositionsCollection, ReadingPositionSchema } from './reading-positions';
export type { ReadingPositionRecord } from './reading-positions';
export { preferencesCollection } from './preferences';

/** The collections this area owns. */
export const settingsCollections = [readingPositionsCollection, preferencesCollection] as const;
