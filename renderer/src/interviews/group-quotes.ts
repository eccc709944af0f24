import type { TopicPageQuote } from '../../../electron/core/annotations/topic-page';

export interface QuoteGroup {
  label: string;
  quotes: TopicPageQuote[];
}

/**
 * Quotes grouped by speaker (`speaker`) or by a case attribute (`attribute:<name>`), groups
 * in alphabetical order and quotes with none last; `''` keeps one group.
 */
export function groupQuotes(quotes: readonly TopicPageQuote[], groupBy: string): QuoteGroup[] {
  if (!groupBy) return [{ label: '', quotes: [...quotes] }];
  const attribute = groupBy.startsWith('attribute:') ? groupBy.slice('attribute:'.length) : undefined;
  const none = attribute ? `No ${attribute}` : 'No speaker';
  const groups = new Map<string, TopicPageQuote[]>();
  for (const quote of quotes) {
    const key = (attribute ? quote.attributes?.[attribute] : quote.speaker) ?? none;
    groups.set(key, [...(groups.get(key) ?? []), quote]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === none ? 1 : b === none ? -1 : a.localeCompare(b)))
    .map(([label, list]) => ({ label, quotes: list }));
}
