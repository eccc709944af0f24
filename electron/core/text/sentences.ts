/**
 * Sentence spans in a passage, for the event and statistic extractors, which describe a
 * figure or a date by the sentence around it. A full stop ends a sentence unless it closes an
 * abbreviation the papers use ("Sept. 24", "U.S. Ambassador", "Law No. 04/L-076", "Dr. Ilazi").
 */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'dr', 'mr', 'mrs', 'ms', 'prof', 'gen', 'st', 'no', 'nos', 'vs', 'etc', 'approx', 'jr', 'p', 'pp', 'ed', 'eds', 'vol', 'art', 'cf', 'ca',
]);

/** Candidate sentence ends: terminal punctuation, optional closing quotes/brackets, then space. */
const BOUNDARY = /[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;

function isAbbreviation(text: string, dotIndex: number): boolean {
  if (text[dotIndex] !== '.') return false;
  const word = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex))?.[1];
  if (!word) return false;
  // A single letter before the dot is an initial or part of U.S., E.U.: not a sentence end.
  return word.length === 1 || ABBREVIATIONS.has(word.toLowerCase());
}

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    if (isAbbreviation(text, m.index)) continue;
    const end = m.index + m[0].trimEnd().length;
    if (end > start) spans.push({ start, end, text: text.slice(start, end) });
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trimEnd();
  if (rest.length > 0) spans.push({ start, end: start + rest.length, text: rest });
  return spans;
}
