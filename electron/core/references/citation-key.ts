import { foldDiacritics } from '../../common/text/fold';
import type { CslData } from './csl-data';
import { issuedYear } from './normalize';

/** Words a generated key never starts with, as Better BibTeX skips them in titles. */
const skipWords = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'and', 'for', 'to', 'at', 'by', 'with', 'from']);

function asciiWord(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * A key in Better BibTeX's classic form, `[auth:lower][year]`: the first author's family name
 * (or an institution's first word, or the title's first real word) in plain lower-case
 * letters, then the year: Judah, 2008 → `judah2008`.
 */
export function generatedKey(item: CslData): string {
  const first = item.author?.[0] ?? item.editor?.[0];
  const name = first?.family ?? first?.literal?.split(/\s+/).find((word) => !skipWords.has(word.toLowerCase())) ?? first?.given;
  const titleWord = item.title.split(/\s+/).find((word) => asciiWord(word) && !skipWords.has(asciiWord(word)));
  const stem = asciiWord(name ?? '') || asciiWord(titleWord ?? '') || 'ref';
  const year = issuedYear(item);
  return `${stem}${year ?? 'nd'}`;
}

/**
 * The key a new reference gets: the file's own when it has one, else a generated one; a key
 * already taken (compared ignoring case, as people read them) gets a, b, … z, aa, ab …
 */
export function uniqueKey(wanted: string, taken: (key: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  for (let n = 0; ; n++) {
    const candidate = wanted + suffix(n);
    if (!taken(candidate)) return candidate;
  }
}

function suffix(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return out;
}
