import { foldCase } from '../../common/text/fold';

const WORD = String.raw`[\p{L}\p{N}_]`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Which passages a query matches, for auto-coding: every word, and every "quoted phrase",
 * must occur as whole words, ignoring case and accents ("vucic" matches "Vučić"). Plain and
 * exact, unlike the search box (no stemming, spelling variants or fuzzy retry), so that what
 * gets coded is exactly what contains the words.
 */
export function passageMatcher(query: string): ((text: string) => boolean) | undefined {
  const phrases = [...query.matchAll(/"([^"]+)"/g)].map((match) => match[1]!.trim()).filter(Boolean);
  const words = query
    .replace(/"[^"]*"/g, ' ')
    .split(/\s+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  const terms = [...phrases, ...words].map((term) => foldCase(term));
  if (terms.length === 0) return undefined;
  const patterns = terms.map((term) => new RegExp(`(?<!${WORD})${term.split(/\s+/u).map(escape).join(String.raw`\s+`)}(?!${WORD})`, 'u'));
  return (text) => {
    const folded = foldCase(text);
    return patterns.every((pattern) => pattern.test(folded));
  };
}
