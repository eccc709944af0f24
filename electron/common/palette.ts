/**
 * Eight highlight colours. Annotations store the key, never the hex value, so the palette
 * can be retuned (e.g. for a dark theme) without rewriting anyone's annotations. Core
 * validates and describes colours with this list; the renderer picks from it and starts a
 * new annotation on `defaultColor`. The renderer's stylesheet repeats the hex values as
 * `--hl-<key>` (CSS cannot import them); tests/unit/annotations/palette.test.ts keeps them equal.
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

/** A colour as `annotations.palette` answers it. */
export interface PaletteEntry {
  key: ColorKey;
  hex: string;
  label: string;
  /** What the user says the colour means, if anything. */
  meaning?: string;
}
