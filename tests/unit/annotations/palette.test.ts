import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorKeys, palette } from '../../../electron/common/palette';

const root = resolve(import.meta.dirname, '../../..');

/** The `--hl-<key>` custom properties of the renderer's theme, as written there. */
function themeHighlightColours(): Record<string, string> {
  const css = readFileSync(join(root, 'renderer/src/styles/theme.css'), 'utf8');
  return Object.fromEntries([...css.matchAll(/--hl-([a-z]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((match) => [match[1]!, match[2]!.toUpperCase()]));
}

describe('the highlight palette (electron/common/palette.ts)', () => {
  it('is drawn by the stylesheet in the colours core describes', () => {
    const theme = themeHighlightColours();
    expect(Object.keys(theme).sort()).toEqual([...colorKeys].sort());
    for (const key of colorKeys) expect(theme[key], key).toBe(palette[key].hex.toUpperCase());
  });

  it('has a highlight rule for every colour key', () => {
    const css = readFileSync(join(root, 'renderer/src/annotations/highlights.css'), 'utf8');
    for (const key of colorKeys) expect(css).toContain(`.color-${key} { --hl: var(--hl-${key}); }`);
  });
});
