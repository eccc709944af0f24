/** Small text helpers shared by the seed parser. */

/** Letters and digits only, lower-cased: compares headings and furniture across case, dashes and spacing. */
export function compact(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}©]/gu, '');
}

/** Whether a cleaned block reads as finished: a page break inside a sentence leaves it open. */
export function endsSentence(text: string): boolean {
  return /[.!?:;…"”’)\]]$/.test(text.trimEnd());
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** First sentence of a text (up to the first full stop followed by a capital), for titles. */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(?=\s+[A-Z“"‘(])/.exec(text);
  return (m ? m[1]! : text).trim();
}
