import { foldDiacritics } from '../../common/text/fold';
import type { CslData } from './csl-data';
import { issuedYear } from './normalize';

/** A DOI as resolvers compare it: case-insensitive, without its resolver prefix. */
export function normalizedDoi(doi: unknown): string | undefined {
  if (typeof doi !== 'string') return undefined;
  const bare = doi
    .trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
    .toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(bare) ? bare : undefined;
}

function plain(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The keys under which two references are the same work: the DOI, and the title (folded,
 * punctuation and case ignored) with the first author's family name and the year. Either
 * matching makes a duplicate.
 */
export function duplicateKeys(item: CslData): string[] {
  const keys: string[] = [];
  const doi = normalizedDoi(item.DOI);
  if (doi) keys.push(`doi:${doi}`);
  const first = item.author?.[0] ?? item.editor?.[0];
  const family = plain(first?.family ?? first?.literal ?? '');
  const year = issuedYear(item);
  const title = plain(item.title);
  if (title && family && year !== undefined) keys.push(`work:${title}|${family}|${year}`);
  return keys;
}

/**
 * The item with what the other adds: variables it lacks. What it already has wins (the first
 * import's spelling stays), so merging the same data twice changes nothing.
 */
export function mergeItems(kept: CslData, other: CslData): CslData {
  const merged: CslData = { ...kept };
  for (const [variable, value] of Object.entries(other)) {
    if (variable === 'id') continue;
    if (merged[variable] === undefined) merged[variable] = value;
  }
  return merged;
}
