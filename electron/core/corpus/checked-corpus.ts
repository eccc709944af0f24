import { createHash } from 'node:crypto';
import { join } from 'node:path';

/**
 * The build validates the corpus against its schema before it writes corpus.json, and writes
 * the SHA-256 of those exact bytes beside it. At start, bytes with that hash are the ones the
 * build checked, so the core need not run the schema over 1.2 MB again (it was most of the
 * CLI's start-up); any other bytes — edited, damaged, or from an older build — are validated
 * in full, as before.
 */
export const checkedCorpusFile = (resourcesDir: string) => join(resourcesDir, 'corpus', 'corpus.json.sha256');

export const corpusDigest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What the build writes: the digest and a newline, as `sha256sum` writes it (so it can check it too). */
export const checkedCorpusStamp = (text: string) => `${corpusDigest(text)}  corpus.json\n`;

/** True when `stamp` names exactly these bytes. */
export function isCheckedCorpus(text: string, stamp: string | undefined): boolean {
  const digest = stamp?.split(/\s+/, 1)[0];
  return digest !== undefined && /^[0-9a-f]{64}$/.test(digest) && digest === corpusDigest(text);
}
