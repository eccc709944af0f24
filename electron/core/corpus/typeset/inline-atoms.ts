import type { FootnoteRef, InlineLink } from '../schema';

/**
 * The smallest pieces a line is built from: words (possibly part of a link) and footnote
 * markers. Offsets of links and markers refer to the passage text, so the text is cut at
 * every such offset before it is cut into words.
 */
export interface InlineAtom {
  text: string;
  /** Whitespace stood before this atom in the source: a line may break here, and a space is drawn. */
  spaceBefore: boolean;
  /** Set when the atom lies inside an inline link (or is a URL in a footnote). */
  url?: string;
  /** Set for a footnote marker, drawn as a superscript number. */
  footnote?: number;
  /** Drawn in the bold face, e.g. a transcript speaker's name. */
  bold?: boolean;
}

function validLinks(text: string, links: readonly InlineLink[]): InlineLink[] {
  // A bare fragment ("#", left by the source's export) leads nowhere outside the original file.
  return links.filter((l) => l.start < l.end && l.end <= text.length && l.url.length > 0 && !l.url.startsWith('#'));
}

export function buildAtoms(text: string, links: readonly InlineLink[] = [], refs: readonly FootnoteRef[] = []): InlineAtom[] {
  const usableLinks = validLinks(text, links);
  // A marker past the end of the text (a parser slip) still belongs to this passage: clamp it.
  const markers = refs
    .map((r) => ({ number: r.number, offset: Math.min(r.offset, text.length) }))
    .sort((a, b) => a.offset - b.offset || a.number - b.number);

  const cuts = new Set<number>([0, text.length]);
  for (const l of usableLinks) cuts.add(l.start).add(l.end);
  for (const m of markers) cuts.add(m.offset);
  const bounds = [...cuts].sort((a, b) => a - b);

  const atoms: InlineAtom[] = [];
  let pendingSpace = false;
  let nextMarker = 0;
  const emitMarkersAt = (offset: number) => {
    while (nextMarker < markers.length && markers[nextMarker]!.offset === offset) {
      // Markers cling to the word before them; the space (if any) stays for the next word.
      atoms.push({ text: String(markers[nextMarker]!.number), spaceBefore: false, footnote: markers[nextMarker]!.number });
      nextMarker++;
    }
  };

  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    emitMarkersAt(start);
    const url = usableLinks.find((l) => l.start <= start && end <= l.end)?.url;
    for (const token of text.slice(start, end).split(/(\s+)/)) {
      if (token === '') continue;
      if (/^\s+$/.test(token)) {
        pendingSpace = true;
        continue;
      }
      atoms.push({ text: token, spaceBefore: pendingSpace && atoms.length > 0, ...(url ? { url } : {}) });
      pendingSpace = false;
    }
  }
  emitMarkersAt(text.length);
  return atoms;
}

/**
 * Atoms for a footnote's own text: every URL the footnote lists becomes a link over its
 * occurrence in the text; a URL missing from the text is appended so that it can be clicked.
 */
export function buildFootnoteAtoms(number: number, text: string, urls: readonly string[]): InlineAtom[] {
  let shown = text.trim();
  const links: InlineLink[] = [];
  for (const url of urls) {
    let at = shown.indexOf(url);
    if (at < 0) {
      shown = `${shown} ${url}`;
      at = shown.length - url.length;
    }
    links.push({ text: url, url, start: at, end: at + url.length });
  }
  const label: InlineAtom = { text: `${number}`, spaceBefore: false, footnote: number };
  return [label, ...buildAtoms(shown, links).map((a, i) => (i === 0 ? { ...a, spaceBefore: true } : a))];
}
