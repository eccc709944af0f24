import type { PrintedLocation } from '../schema';
import { cleanInline } from '../parse/inline';
import { compact } from '../parse/text';

/**
 * A seed text cut into paragraphs (blank-line separated, lines joined), each told where in
 * the publication it stands: the cover, a byline, the colophon, the CIP record, a running
 * header, the closing note, or the running text. Metadata is then looked up by where it is
 * printed, the way a cataloguer reads a title page before the body.
 */
export interface SeedParagraph {
  index: number;
  /** Markup removed ("**", "#", links), whitespace collapsed. */
  text: string;
  /** `compact(text)`: letters and digits only, lower case, for comparisons. */
  key: string;
  location: PrintedLocation;
}

/** Paragraphs this close to the start, before the body, are the cover and title page. */
const COVER_PARAGRAPHS = 8;
const BYLINE = /^\W*(?:by|authors?|edited by|editors?)\s*:|^\W*prepared by\b/i;
const BYLINE_HEADING = /^(?:authors?|edited by|editors?|prepared by)\s*:?$/i;
const COLOPHON_HEADING = /^(?:published by|publisher)\s*:?$/i;
const CIP_START = /\(CIP\)|Katalogimi në botim|Cataloging[- ]in[- ]Publication/i;

/** Cover lines are short display lines (a title, a series name), not sentences of the body. */
function isDisplayLine(text: string): boolean {
  return text.length <= 160 && !/[.:;,]$/.test(text);
}

function clean(raw: string): string {
  const joined = raw
    .split('\n')
    .map((line) => line.replace(/^\s*#{1,6}\s+/, '').replace(/^\s*---\s*$/, ''))
    .join(' ');
  return cleanInline(joined).text.replace(/\s+/g, ' ').trim();
}

export function seedParagraphs(text: string): SeedParagraph[] {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map(clean)
    .filter((p) => p.length > 0);
  const counts = new Map<string, number>();
  for (const p of raw) counts.set(compact(p), (counts.get(compact(p)) ?? 0) + 1);

  const paragraphs: SeedParagraph[] = [];
  let heading = '';
  let inCip = false;
  raw.forEach((text, index) => {
    const key = compact(text);
    const isHeadingLike = text.length < 40 && !/[.!?]$/.test(text);
    if (CIP_START.test(text)) inCip = true;
    let location: PrintedLocation;
    if (inCip) location = 'cip';
    else if (BYLINE.test(text) || BYLINE_HEADING.test(heading)) location = /\bprepared by\b/i.test(text) && index >= raw.length - 3 ? 'closing-note' : 'byline';
    else if (/\bprepared by\b/i.test(text) && index >= raw.length - 3) location = 'closing-note';
    else if (COLOPHON_HEADING.test(heading) || /^©/.test(text)) location = 'colophon';
    else if (index < COVER_PARAGRAPHS && isDisplayLine(text)) location = 'cover';
    else if ((counts.get(key) ?? 0) >= 2) location = 'running-header';
    else location = 'text';
    paragraphs.push({ index, text, key, location });
    // The CIP record ends with its ISBN.
    if (inCip && /\bISBN\b/.test(text)) inCip = false;
    if (isHeadingLike) heading = text;
    else if (!BYLINE_HEADING.test(heading) || text.length > 80) heading = '';
  });
  return paragraphs;
}
