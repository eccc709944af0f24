/**
 * Reading what the user typed: quoted phrases and loose words. Anything else that lunr's own
 * query syntax would interpret (+, -, ~, ^, field:) is treated as plain text, because users
 * paste names and quotes, not search syntax.
 */
import { foldDiacritics } from '../../common/text/fold';
import { splitWords } from './words';

export type QueryPart =
  | { kind: 'word'; word: string; prefix: boolean }
  | { kind: 'phrase'; words: string[] };

export function parseQuery(query: string, prefixLastWord: boolean): QueryPart[] {
  // Folding first turns curly and typographic quotes into plain ones.
  const text = foldDiacritics(query);
  const parts: QueryPart[] = [];
  const quoted = /"([^"]*)("|$)/g;
  let last = 0;
  for (const match of text.matchAll(quoted)) {
    pushWords(parts, text.slice(last, match.index));
    const words = splitWords(match[1] ?? '').map((w) => w.word);
    if (words.length === 1) parts.push({ kind: 'word', word: words[0]!, prefix: false });
    else if (words.length > 1) parts.push({ kind: 'phrase', words });
    last = match.index + match[0].length;
  }
  pushWords(parts, text.slice(last));
  // While typing, the last word is probably unfinished ("Banj" on the way to "Banjska"), unless
  // the user has already typed a space or closed a quote after it.
  const lastPart = parts.at(-1);
  if (prefixLastWord && lastPart?.kind === 'word' && /[\p{L}\p{N}]$/u.test(text.trimEnd()) && !/\s$/.test(text)) {
    lastPart.prefix = true;
  }
  return parts;
}

function pushWords(parts: QueryPart[], text: string): void {
  for (const w of splitWords(text)) parts.push({ kind: 'word', word: w.word, prefix: false });
}
