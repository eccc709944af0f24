import type { FootnoteRef, InlineLink, Mention } from '../../../../electron/core/corpus/schema';

/**
 * A passage's text cut into what the structured view draws: plain runs, runs inside a link
 * and/or an entity mention, and footnote markers put back at their offsets.
 */
export type InlineSegment =
  | { kind: 'text'; text: string; start: number; link?: InlineLink; mention?: Pick<Mention, 'entityId' | 'start' | 'end'> }
  | { kind: 'footnote'; number: number };

export function inlineSegments(
  text: string,
  footnoteRefs: readonly FootnoteRef[],
  links: readonly InlineLink[],
  mentions: ReadonlyArray<Pick<Mention, 'entityId' | 'start' | 'end'>> = [],
): InlineSegment[] {
  const within = (offset: number) => Math.min(text.length, Math.max(0, offset));
  const cuts = new Set<number>([0, text.length]);
  for (const ref of footnoteRefs) cuts.add(within(ref.offset));
  for (const link of links) {
    cuts.add(within(link.start));
    cuts.add(within(link.end));
  }
  for (const mention of mentions) {
    cuts.add(within(mention.start));
    cuts.add(within(mention.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const refs = [...footnoteRefs].sort((a, b) => a.offset - b.offset || a.number - b.number);
  const segments: InlineSegment[] = [];
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    for (const ref of refs) if (within(ref.offset) === at) segments.push({ kind: 'footnote', number: ref.number });
    const next = points[i + 1];
    if (next === undefined) break;
    const link = links.find((item) => item.start <= at && item.end >= next);
    const mention = mentions.find((item) => item.start <= at && item.end >= next);
    segments.push({ kind: 'text', text: text.slice(at, next), start: at, ...(link ? { link } : {}), ...(mention ? { mention } : {}) });
  }
  return segments;
}
