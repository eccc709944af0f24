import { WorkbenchError } from '../api/errors';
import type { CollectionHandle } from '../store/types';

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

/** The slice of the settings file this module reads and writes. */
export interface ColorMeaningSettings {
  colorMeanings: Record<string, string>;
}

export interface PaletteEntry {
  key: ColorKey;
  hex: string;
  label: string;
  /** What the user decided the colour means ("contradicts the brief"), if anything. */
  meaning?: string;
}

export function describePalette(settings: CollectionHandle<ColorMeaningSettings>): PaletteEntry[] {
  const meanings = settings.get().colorMeanings ?? {};
  return colorKeys.map((key) => {
    const meaning = meanings[key];
    return { key, ...palette[key], ...(meaning ? { meaning } : {}) };
  });
}

/** Names (or, with an empty meaning, unnames) a colour. One write to the settings file. */
export async function setColorMeaning(settings: CollectionHandle<ColorMeaningSettings>, key: string, meaning: string): Promise<void> {
  if (!isColorKey(key)) {
    throw new WorkbenchError('BAD_REQUEST', `"${key}" is not one of the highlight colours (${colorKeys.join(', ')}).`);
  }
  const trimmed = meaning.trim();
  if (trimmed.length > 200) throw new WorkbenchError('BAD_REQUEST', 'Keep a colour meaning under 200 characters.');
  await settings.update((draft) => {
    // Mutate only our own key: the settings file holds other modules' data too.
    draft.colorMeanings ??= {};
    if (trimmed) draft.colorMeanings[key] = trimmed;
    else delete draft.colorMeanings[key];
  });
}
