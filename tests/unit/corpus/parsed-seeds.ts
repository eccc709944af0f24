import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSeed, type ParsedSeed } from '../../../electron/core/corpus/parse/index.js';
import { readSeeds } from '../../../electron/core/corpus/seeds.js';

/** The real seed texts of the checkout, parsed once per test file. */

export const seedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url));
export const repoRoot = join(seedsDir, '..');

export const DOC = {
  priorities: 'kcss-foreign-security-priorities-2026',
  crisis: 'kcss-crisis-management-to-stability',
  trust: 'rssee-building-trust-kosovo-serbia',
  discussion: 'kcss-kosovo-nato-relations-2024',
  advance: 'kcss-advance-kosovo-nato-relations',
} as const;

let cache: Map<string, ParsedSeed> | undefined;

export function parsedSeeds(): Map<string, ParsedSeed> {
  if (!cache) {
    cache = new Map();
    for (const seed of readSeeds(seedsDir)) cache.set(seed.meta.id, parseSeed(seed.text, seed.meta));
  }
  return cache;
}

export function parsed(docId: string): ParsedSeed {
  const doc = parsedSeeds().get(docId);
  if (!doc) throw new Error(`no seed with id ${docId}`);
  return doc;
}

export function body(docId: string) {
  return parsed(docId).passages.filter((p) => !p.backMatter);
}
