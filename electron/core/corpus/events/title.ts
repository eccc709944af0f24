/**
 * A short title for a dated event, taken from the clause that carries the date: the date
 * phrase itself and leading connectives are removed ("In May 2024, Kosovo was granted..." ->
 * "Kosovo was granted..."), and long clauses are cut at a word boundary.
 */
const MAX_TITLE = 110;

const LEADING_CONNECTIVES = /^(?:however|furthermore|moreover|additionally|meanwhile|then|later|also|and|but|so|thus|in other words|as a result|at the same time|nonetheless)\s*,?\s+/i;

/**
 * The clause of `sentence` around [start, end): split at semicolons, dashes used as breaks and
 * coordinating conjunctions after a comma ("In August 2024, KFOR asked ..., and NATO had
 * reminded everyone in June 2023 that ..." holds two dated clauses). `start`/`end` of the
 * result are the date's offsets within the clause; `offset` is where the clause begins.
 */
export function clauseAround(sentence: string, start: number, end: number): { text: string; start: number; end: number; offset: number } {
  const breaks = /;|\s[\u2013\u2014-]\s|,\s+(?:and|but|while|whereas)\s+/g;
  let clauseStart = 0;
  let clauseEnd = sentence.length;
  for (const m of sentence.matchAll(breaks)) {
    if (m.index + m[0].length <= start) clauseStart = m.index + m[0].length;
    else if (m.index >= end) {
      clauseEnd = m.index;
      break;
    }
  }
  return { text: sentence.slice(clauseStart, clauseEnd), start: start - clauseStart, end: end - clauseStart, offset: clauseStart };
}

function truncate(text: string): string {
  if (text.length <= MAX_TITLE) return text;
  const cut = text.slice(0, MAX_TITLE);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > 40 ? lastSpace : MAX_TITLE).replace(/[\s,;:]+$/, '')}…`;
}

/** `dateStart`/`dateEnd` are offsets of the date expression within `sentence`. */
export function titleFromSentence(sentence: string, dateStart: number, dateEnd: number): string {
  const clause = clauseAround(sentence, dateStart, dateEnd);
  const withoutDate = `${clause.text.slice(0, clause.start)} ${clause.text.slice(clause.end)}`;
  const cleaned = withoutDate
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/,\s*,/g, ',')
    // "the November 29, 2024, explosion" loses its date: "the explosion", not "the, explosion".
    .replace(/\b(the|a|an)\s*,\s*/gi, '$1 ')
    .trim()
    .replace(/^[,;:\s]+/, '')
    .replace(LEADING_CONNECTIVES, '')
    .replace(/^(?:the\s+)?(?:in|on|by|of|during|since)\s*,\s*/i, '')
    .replace(/[\s,;:.]+$/, '');
  if (cleaned.length === 0) return '';
  return truncate(cleaned.charAt(0).toUpperCase() + cleaned.slice(1));
}
