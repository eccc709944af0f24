import type { LineSegment } from './line-segments.js';

/** The body text's style, learnt from the whole document: what most characters are set in. */
export interface BodyStyle {
  size: number;
  font: string;
}

export function learnBodyStyle(segments: Iterable<LineSegment>): BodyStyle {
  const sizes = new Map<number, number>();
  const fonts = new Map<string, number>();
  for (const s of segments) {
    sizes.set(s.size, (sizes.get(s.size) ?? 0) + s.text.length);
    fonts.set(s.font, (fonts.get(s.font) ?? 0) + s.text.length);
  }
  const top = <K>(m: Map<K, number>, fallback: K): K => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
  return { size: top(sizes, 10), font: top(fonts, '') };
}

const LARGER = 1.12;
const NUMBERED_HEADING = /^(?:\d+(?:\.\d+)*\.?|[IVX]+\.|[A-Z]\.)\s+\p{Lu}/u;

/**
 * Headings are found from their type: set larger than the body, or set wholly in another
 * font (pdf.js does not report weight, so "bold" is seen as "not the body font") and
 * numbered like a section ("4.1 Nesting Algorithm"). Lines that read like a list of names
 * or a sentence are not headings even when large.
 */
export function headingSize(segment: LineSegment, body: BodyStyle): number | undefined {
  const text = segment.text;
  if (text.length > 150 || !/\p{L}/u.test(text)) return undefined;
  if ((text.match(/,/g) ?? []).length >= 3 || /[,;]$/.test(text)) return undefined;
  if (segment.size >= body.size * LARGER) return segment.size;
  const emphasised = !segment.fonts.has(body.font) && Math.abs(segment.size - body.size) < 0.6;
  if (emphasised && text.length <= 80 && NUMBERED_HEADING.test(text) && !/[.:]$/.test(text)) return body.size;
  return undefined;
}

/** Heading levels from the distinct heading sizes, largest first; body-size headings last. */
export function headingLevels(sizes: number[]): (size: number) => number {
  const distinct: number[] = [];
  for (const size of [...sizes].sort((a, b) => b - a)) {
    if (!distinct.some((d) => Math.abs(d - size) < 0.5)) distinct.push(size);
  }
  return (size) => {
    const index = distinct.findIndex((d) => Math.abs(d - size) < 0.5);
    return Math.min(6, (index < 0 ? distinct.length : index) + 1);
  };
}
