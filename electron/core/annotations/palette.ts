import { z } from 'zod';
import { WorkbenchError } from '../api/errors';
import type { RecordSet, Workspace } from '../store';
import { defineCollection } from '../store/collection-definition';

/**
 * Eight highlight colours. Annotations store the key, never the hex value, so the palette
 * can be retuned (e.g. for a dark theme) without rewriting anyone's annotations.
 */
export const colorKeys = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange', 'red', 'grey'] as const;
export type ColorKey = (typeof colorKeys)[number];

export const palette: Readonly<Record<ColorKey, { hex: string; label: string }>> = {
  yellow: { hex: '#F7D84A', label: 'Yellow' },
  green: { hex: '#7BC67E', label: 'Green' },
  blue: { hex: '#6BA8E5', label: 'Blue' },
  pink: { hex: '#F08DB6', label: 'Pink' },
  purple: { hex: '#A98BE0', label: 'Purple' },
  orange: { hex: '#F5A25D', label: 'Orange' },
  red: { hex: '#E5686B', label: 'Red' },
  grey: { hex: '#A7ADB5', label: 'Grey' },
};

export const defaultColor: ColorKey = 'yellow';

export function isColorKey(value: string): value is ColorKey {
  return (colorKeys as readonly string[]).includes(value);
}

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

export interface PaletteEntry {
  key: ColorKey;
  hex: string;
  label: string;
  /** What the user says the colour means, if anything. */
  meaning?: string;
}

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
