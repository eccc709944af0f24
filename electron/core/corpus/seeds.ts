import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedMeta } from './parse/types.js';

/** One bundled paper: its metadata file and the source text it names. */
export interface Seed {
  meta: SeedMeta;
  text: string;
}

/** Reads every `<name>.meta.json` in the seeds folder with its text, in file-name order. */
export function readSeeds(seedsDir: string): Seed[] {
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith('.meta.json'))
    .sort()
    .map((name) => {
      const meta = JSON.parse(readFileSync(join(seedsDir, name), 'utf8')) as SeedMeta;
      return { meta, text: readFileSync(join(seedsDir, meta.source), 'utf8') };
    });
}
