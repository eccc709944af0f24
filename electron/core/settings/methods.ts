import { z } from 'zod';
import { method } from '../api/method';

export interface ReadingPosition {
  passageId?: string;
  page?: number;
  updatedAt: string;
}

/** How highlights are coloured: by the colour chosen for each annotation, or by its first topic's colour. */
export const highlightColorings = ['annotation', 'topic'] as const;
export type HighlightColoring = (typeof highlightColorings)[number];

/** What the user chose about how the app looks and behaves. Absent means the default. */
export interface Preferences {
  highlightColoring: HighlightColoring;
}

const docId = z.string().min(1);

export const settingsMethods = {
  'settings.readingPosition': method<ReadingPosition | null>()(z.object({ docId }).strict()),
  'settings.saveReadingPosition': method<void>()(
    z.object({ docId, passageId: z.string().min(1).optional(), page: z.number().int().positive().optional() }).strict(),
  ),
  /** The paper read last and where, so the Reader opens there; null before anything was read. */
  'settings.lastReadingPosition': method<(ReadingPosition & { docId: string }) | null>()(z.object({}).strict()),
  'settings.preferences': method<Preferences>()(z.object({}).strict()),
  /** Changes the preferences given; returns all of them. */
  'settings.setPreferences': method<Preferences>()(z.object({ highlightColoring: z.enum(highlightColorings).optional() }).strict()),
};
