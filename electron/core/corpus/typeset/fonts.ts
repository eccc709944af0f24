import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkoutResourcesDir } from '../../paths';
import type { FontKey } from './page-style';

/**
 * The DejaVu TTFs live in resources/fonts/ (copied there with their licence) so that a build
 * never depends on where a dev package happens to be installed.
 */
const FONT_FILES: Record<FontKey, string> = {
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
  condensed: 'DejaVuSerifCondensed.ttf',
  condensedBold: 'DejaVuSerifCondensed-Bold.ttf',
};

export type FontBuffers = Record<FontKey, Buffer>;

// A corpus build typesets several documents; reading 1.7 MB of fonts once is enough.
const cache = new Map<string, FontBuffers>();

export function defaultFontsDir(): string {
  return join(checkoutResourcesDir(), 'fonts');
}

export function loadFonts(fontsDir: string = defaultFontsDir()): FontBuffers {
  const cached = cache.get(fontsDir);
  if (cached) return cached;
  const entries = Object.entries(FONT_FILES).map(([key, file]) => [key, readFileSync(join(fontsDir, file))]);
  const buffers = Object.fromEntries(entries) as FontBuffers;
  cache.set(fontsDir, buffers);
  return buffers;
}
