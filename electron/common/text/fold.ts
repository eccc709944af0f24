/**
 * Diacritic and typography folding, shared by entity detection and search in core, and by
 * the renderer's filters and pickers (`foldCase`).
 *
 * The seeds spell the same name several ways (Vučić / Vucic, Ibër / Iber, Türkiye / Turkiye),
 * and users type plain ASCII. Folding maps all of them to one form. Folding changes string
 * lengths (ß -> ss, a stripped combining mark -> nothing), so `foldWithOffsets` also keeps, for
 * every folded code unit, the range of the original text it came from: matches found in folded
 * text can then be reported in the ORIGINAL text's UTF-16 offsets.
 */

/** Letters that NFD does not decompose into base letter + mark, folded by hand. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D',
  'ł': 'l', 'Ł': 'L',
  'ø': 'o', 'Ø': 'O',
  'ß': 'ss', 'ẞ': 'SS',
  'æ': 'ae', 'Æ': 'AE',
  'œ': 'oe', 'Œ': 'OE',
  'þ': 'th', 'Þ': 'Th',
  'ħ': 'h', 'Ħ': 'H',
  'ı': 'i',
};

/**
 * Typography the PDF extraction and word processors introduce: curly quotes, primes, the many
 * dashes and spaces. They are normalised so that "NATO’s" and "NATO's", "Ibër–Lepenc" and
 * "Ibër-Lepenc" compare equal. The soft hyphen is invisible, so it folds to nothing.
 */
const TYPOGRAPHY: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'", '\u0060': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-', '\uFE58': '-', '\uFE63': '-', '\uFF0D': '-',
  '\u00A0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2004': ' ', '\u2005': ' ', '\u2006': ' ', '\u2007': ' ', '\u2008': ' ', '\u2009': ' ', '\u200A': ' ', '\u202F': ' ', '\u205F': ' ', '\u3000': ' ',
  '\u00AD': '', '\u200B': '', '\u200C': '', '\u200D': '', '\uFEFF': '',
  '\u2026': '...',
};

const COMBINING_MARK = /\p{M}/gu;

/** Folding one code point is pure, so non-ASCII results are memoised: the corpus reuses few. */
const foldedCodePointCache = new Map<string, string>();

/** Folds one code point (as a string of 1 or 2 UTF-16 units). */
function foldCodePoint(cp: string): string {
  const cached = foldedCodePointCache.get(cp);
  if (cached !== undefined) return cached;
  const folded = SPECIAL_LETTERS[cp] ?? TYPOGRAPHY[cp] ?? cp.normalize('NFD').replace(COMBINING_MARK, '');
  foldedCodePointCache.set(cp, folded);
  return folded;
}

/** Plain ASCII (but the backtick) folds to itself: the common case for search tokens. */
const NOTHING_TO_FOLD = /^[\x00-\x5F\x61-\x7F]*$/;

/** Removes diacritics and normalises typographic quotes, dashes and spaces. Case is kept. */
export function foldDiacritics(s: string): string {
  if (NOTHING_TO_FOLD.test(s)) return s;
  let out = '';
  for (const cp of s) out += cp.length === 1 && cp.charCodeAt(0) < 0x80 && cp !== '`' ? cp : foldCodePoint(cp);
  return out;
}

/**
 * Lower case without diacritics, so that "vucic" finds "Vučić": what a person types rarely
 * has the accents and capitals of what they look for. Annotation filters and auto-coding in
 * core, and the renderer's filters and pickers, compare strings folded this way. (NFD splits
 * a letter from its accents; the marks are dropped. Unlike `foldDiacritics`, typography is
 * left alone.)
 */
export function foldCase(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Folded text plus, for each of its UTF-16 units, the original range it came from. */
export interface FoldedText {
  readonly text: string;
  /** starts[i]: offset in the original of the code point that produced folded unit i. */
  readonly starts: Int32Array;
  /** ends[i]: end (exclusive) in the original, widened over marks that folded to nothing. */
  readonly ends: Int32Array;
  /** Length of the original text. */
  readonly originalLength: number;
}

/**
 * Folds `s` and records where each folded unit came from. Works code point by code point, so
 * text that is already decomposed (c + U+030C) folds the same as precomposed č: the mark folds
 * to nothing and the preceding letter's range is widened to cover it, so a match that ends at
 * that letter still includes its mark in the original.
 */
export function foldWithOffsets(s: string): FoldedText {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < s.length) {
    const code = s.charCodeAt(i);
    // ASCII is left alone except the backtick, which TYPOGRAPHY maps; this is the hot path.
    if (code < 0x80 && code !== 0x60) {
      parts.push(s[i] as string);
      starts.push(i);
      ends.push(i + 1);
      i += 1;
      continue;
    }
    const cp = String.fromCodePoint(s.codePointAt(i) as number);
    const folded = foldCodePoint(cp);
    const end = i + cp.length;
    if (folded.length === 0) {
      // Nothing to emit: let the previous unit's range absorb this one (a stray mark, a soft hyphen).
      if (ends.length > 0) ends[ends.length - 1] = end;
    } else {
      for (let k = 0; k < folded.length; k++) {
        parts.push(folded[k] as string);
        starts.push(i);
        ends.push(end);
      }
    }
    i = end;
  }
  return { text: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends), originalLength: s.length };
}

/**
 * Maps a range [start, end) of folded text back to the original text. A range that begins or
 * ends inside a unit produced from one code point (the two s of ß) widens to the whole code point.
 */
export function toOriginalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (start < 0 || end < start || end > folded.text.length) {
    throw new RangeError(`range [${start}, ${end}) is outside the folded text (length ${folded.text.length})`);
  }
  if (start === end) {
    const at = start < folded.text.length ? (folded.starts[start] as number) : folded.originalLength;
    return { start: at, end: at };
  }
  return { start: folded.starts[start] as number, end: folded.ends[end - 1] as number };
}
