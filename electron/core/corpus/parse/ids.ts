import { createHash } from 'node:crypto';

/**
 * Stable ids: derived from the normalised text itself, not from positions, so that a parser
 * change elsewhere in a document (a heading found, a page break repaired) leaves the ids of
 * untouched passages alone. Annotations and citations point at these ids.
 */

export function normaliseForId(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function shortHash(text: string, length = 10): string {
  return createHash('sha256').update(normaliseForId(text)).digest('hex').slice(0, length);
}

/** Hands out `${prefix}-${hash}` ids; a repeated text gets `-2`, `-3`... in reading order. */
export class IdAllocator {
  private readonly seen = new Map<string, number>();

  constructor(private readonly prefix: string) {}

  next(text: string): string {
    const base = `${this.prefix}-${shortHash(text)}`;
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  }
}
