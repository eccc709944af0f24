import { foldWithOffsets, type FoldedText } from '../../common/text/fold';

/**
 * Word tokens over folded text, the unit that entity aliases are matched on. A token is a run
 * of letters and digits, so whole-word matching comes for free: "EU" is never found inside
 * "EULEX" or "EUbrokered", and "NATO's" yields the token "NATO" followed by an apostrophe.
 */
export interface WordToken {
  /** Folded, original case: used where case matters (short acronyms). */
  readonly exact: string;
  /** Folded and lower-cased: used everywhere else. */
  readonly lower: string;
  /** Offsets in the folded text. */
  readonly start: number;
  readonly end: number;
  /** Folded text between the previous token (or the text start) and this one. */
  readonly gapBefore: string;
}

export interface TokenizedText {
  readonly folded: FoldedText;
  readonly tokens: readonly WordToken[];
}

const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): TokenizedText {
  const folded = foldWithOffsets(text);
  const tokens: WordToken[] = [];
  let previousEnd = 0;
  for (const match of folded.text.matchAll(WORD)) {
    const start = match.index;
    const exact = match[0];
    tokens.push({ exact, lower: exact.toLowerCase(), start, end: start + exact.length, gapBefore: folded.text.slice(previousEnd, start) });
    previousEnd = start + exact.length;
  }
  return { folded, tokens };
}

/** Spaces, hyphens and slashes join the words of one name: "Ibër-Lepenc" = "Iber Lepenc". */
const JOINING_GAP = /^[\s\-/]+$/;

/**
 * The class of a gap between two words of a name. All joining gaps are one class; any other
 * gap (". " in "Law No. 04/L-076", "." in "U.S.") must be matched as written, so that a name
 * never runs across a sentence boundary or a comma.
 */
export function gapClass(gap: string): string {
  return JOINING_GAP.test(gap) ? ' ' : gap.replace(/\s+/g, ' ');
}
