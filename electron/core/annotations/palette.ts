import { z } from 'zod';
import { WorkbenchError } from '../api/errors';
import type { RecordSet, Workspace } from '../store';
import { defineCollection } from '../store/collection-definition';
import { colorKeys, isColorKey, palette, type PaletteEntry } from '../../common/palette';

/** The colours themselves are common (core and the renderer use them); their meanings are this area's records. */
export { colorKeys, defaultColor, isColorKey, palette, type ColorKey, type PaletteEntry } from '../../common/palette';

/** What the user decided a colour means ("contradicts the brief"): one record per named colour. */
export const ColorMeaningSchema = z.object({ id: z.enum(colorKeys), meaning: z.string().trim().min(1).max(200) });
export type ColorMeaning = z.infer<typeof ColorMeaningSchema>;

/** Round 1 kept the meanings in `settings.json` as `colorMeanings: {red: "…"}`. */
export const colorMeaningsCollection = defineCollection({
  name: 'color-meanings',
  version: 2,
  schema: ColorMeaningSchema,
  legacy: {
    file: 'settings.json',
    records: (data) => Object.entries((data as { colorMeanings?: Record<string, string> }).colorMeanings ?? {}).map(([id, meaning]) => ({ id, meaning })),
  },
});

export function describePalette(meanings: RecordSet<ColorMeaning>): PaletteEntry[] {
  return colorKeys.map((key) => {
    const meaning = meanings.get(key)?.meaning;
    return { key, ...palette[key], ...(meaning ? { meaning } : {}) };
  });
}

/** Names (or, with an empty meaning, unnames) a colour. One record written. */
export async function setColorMeaning(workspace: Workspace, key: string, meaning: string): Promise<void> {
  if (!isColorKey(key)) {
    throw new WorkbenchError('BAD_REQUEST', `"${key}" is not one of the highlight colours (${colorKeys.join(', ')}).`);
  }
  const trimmed = meaning.trim();
  if (trimmed.length > 200) throw new WorkbenchError('BAD_REQUEST', 'Keep a colour meaning under 200 characters.');
  await workspace.transact((tx) => {
    if (trimmed) tx.put(colorMeaningsCollection, { id: key, meaning: trimmed });
    else tx.delete(colorMeaningsCollection, key);
  });
}
