/**
 * Where a quote the user selected lies in a passage. The renderer's selection may differ
 * from the stored text in whitespace only (line breaks in the PDF text layer), so after an
 * exact search a whitespace-tolerant one is tried. With several occurrences, the one
 * starting nearest `nearOffset` wins.
 */
export function locateQuote(text: string, quote: string, nearOffset = 0): { start: number; end: number } | undefined {
  const exact = allMatches(text, new RegExp(escapeRegExp(quote), 'g'));
  const matches = exact.length > 0 ? exact : allMatches(text, whitespaceTolerant(quote));
  let best: { start: number; end: number } | undefined;
  for (const match of matches) {
    if (!best || Math.abs(match.start - nearOffset) < Math.abs(best.start - nearOffset)) best = match;
  }
  return best;
}

function whitespaceTolerant(quote: string): RegExp {
  const words = quote.trim().split(/\s+/).map(escapeRegExp);
  return new RegExp(words.join('\\s+'), 'gu');
}

function allMatches(text: string, pattern: RegExp): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(pattern)) {
    if (match[0].length > 0) found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
