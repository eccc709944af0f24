import type { LineSegment } from './line-segments.js';

/**
 * Title, authors and year. The document info dictionary is used when it looks like it was
 * written by a person; many PDFs carry "Microsoft Word - draft3.docx" or nothing at all,
 * and then the first page decides: the largest text near the top is the title, and the
 * lines right below it in one size are the authors.
 */
export interface PdfInfo {
  Title?: unknown;
  Author?: unknown;
  CreationDate?: unknown;
  [key: string]: unknown;
}

export interface FirstPageMetadata {
  title?: string;
  /** The lines the title was read from, so they can become the title heading. */
  titleLines: LineSegment[];
  authors: string[];
  authorLines: LineSegment[];
}

const JUNK_TITLE = /^(untitled|microsoft (word|powerpoint)|document\d*|slide\s*\d*|\s*)$|\.(docx?|pdf|tex|dvi|indd|rtf|odt)$|^microsoft |^c:\\|^\/|^\d+$/i;

export function usableInfoTitle(info: PdfInfo): string | undefined {
  const title = typeof info.Title === 'string' ? info.Title.replace(/\s+/g, ' ').trim() : '';
  if (title.length < 3 || title.length > 300 || JUNK_TITLE.test(title)) return undefined;
  return title;
}

export function infoAuthors(info: PdfInfo): string[] {
  const author = typeof info.Author === 'string' ? info.Author.trim() : '';
  if (!author || /^(admin|administrator|user|owner|unknown)$/i.test(author)) return [];
  return splitNames(author);
}

export function infoYear(info: PdfInfo): number | undefined {
  const match = typeof info.CreationDate === 'string' ? /^(?:D:)?((?:19|20)\d\d)/.exec(info.CreationDate) : null;
  return match ? Number(match[1]) : undefined;
}

/** Symbols that mark affiliations after author names (∗ † ‡ § ¶ # $ + and digits). */
const AFFILIATION_MARKS = /[∗*†‡§¶#$+]|\d+/g;
const NOT_A_NAME = /@|\{|university|universität|institute|department|corporation|centre|center|school|college|laboratory|inc\.|ltd/i;

export function splitNames(text: string): string[] {
  return text
    .replace(AFFILIATION_MARKS, ' ')
    .split(/\s*(?:,|;|&|\band\b)\s*/)
    .map((name) => name.replace(/\s+/g, ' ').trim())
    .filter((name) => name.length >= 3 && name.length <= 60 && looksLikeName(name) && !NOT_A_NAME.test(name));
}

const NAME_PARTICLES = new Set(['van', 'von', 'de', 'da', 'del', 'der', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al']);

/** Two to five words, each capitalised or a particle ("van", "de"): "Mohammad R. Haghighat". */
function looksLikeName(name: string): boolean {
  const words = name.split(' ');
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(w));
}

export function readFirstPage(ordered: LineSegment[], pageHeight: number, bodySize: number): FirstPageMetadata {
  const upper = ordered.filter((s) => s.y < pageHeight * 0.5 && /\p{L}{2}/u.test(s.text));
  if (upper.length === 0) return { titleLines: [], authors: [], authorLines: [] };
  const largest = Math.max(...upper.map((s) => s.size));
  // A "title" set no larger than the document's body text is no title at all.
  if (largest < bodySize * 1.12) return { titleLines: [], authors: [], authorLines: [] };
  const bodyLike = upper.filter((s) => Math.abs(s.size - largest) >= 0.5);
  // A "title" no larger than the text around it is no title at all.
  if (bodyLike.length > 0 && largest < Math.max(...bodyLike.map((s) => s.size)) * 1.1) {
    return { titleLines: [], authors: [], authorLines: [] };
  }
  const firstIndex = ordered.findIndex((s) => upper.includes(s) && Math.abs(s.size - largest) < 0.5);
  const titleLines: LineSegment[] = [];
  let i = firstIndex;
  while (i < ordered.length && Math.abs(ordered[i]!.size - largest) < 0.5 && titleLines.length < 4) {
    titleLines.push(ordered[i]!);
    i += 1;
  }
  const title = titleLines.map((s) => s.text).join(' ').replace(/\s+/g, ' ').trim();

  const authorLines: LineSegment[] = [];
  const authorSize = ordered[i]?.size;
  while (i < ordered.length && authorSize !== undefined && Math.abs(ordered[i]!.size - authorSize) < 0.5 && authorLines.length < 6) {
    const line = ordered[i]!;
    if (NOT_A_NAME.test(line.text) || /^(abstract|summary|introduction)\b/i.test(line.text)) break;
    authorLines.push(line);
    i += 1;
  }
  const authors = authorLines.flatMap((line) => splitNames(withoutSuperscripts(line)));
  return { title: title || undefined, titleLines, authors, authorLines: authors.length > 0 ? authorLines : [] };
}

export function withoutSuperscripts(line: LineSegment): string {
  let text = line.text;
  for (const mark of [...line.superscripts].sort((a, b) => b.offset - a.offset)) {
    text = text.slice(0, mark.offset) + ' ' + text.slice(mark.offset + mark.text.length);
  }
  return text;
}
