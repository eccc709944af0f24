import type { CorpusDocument } from '../corpus/schema';
import { cslTypeByKind, documentType } from '../metadata/document-type';
import { isYearSupplied } from '../metadata/provenance';

/**
 * CSL-JSON, the item format citeproc-js, Pandoc and Zotero all read.
 * Only the variables the workbench fills are typed.
 */
export interface CslName {
  family?: string;
  given?: string;
  /** Institutions and names we cannot split safely are kept whole. */
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  'title-short'?: string;
  author?: CslName[];
  editor?: CslName[];
  publisher?: string;
  'publisher-place'?: string;
  issued?: CslDate;
  ISBN?: string;
  DOI?: string;
  URL?: string;
  genre?: string;
  language?: string;
  'number-of-pages'?: string;
  note?: string;
  /** When the URL was read: Chicago asks for it when a work has no date of its own. */
  accessed?: CslDate;
}

/**
 * A CSL date: date parts, optionally `circa` (approximate or supplied); or a `literal` printed
 * as it stands, which is how a style that has no form of its own for a supplied date is
 * given one ("[2024]").
 */
export type CslDate = { 'date-parts': number[][]; circa?: boolean } | { literal: string };

/**
 * How a year the document does not print goes into the item: `circa` marks the date
 * approximate, the CSL way, and leaves its printing to the style (APA prints "ca. 2024");
 * `brackets` supplies it as a literal "[2024]", the form the Chicago Manual gives an inferred
 * date, which the Chicago CSL styles do not produce from `circa` themselves.
 */
export type SuppliedYearForm = 'circa' | 'brackets';

export interface CslItemOptions {
  suppliedYear?: SuppliedYearForm;
}

function issuedDate(document: CorpusDocument, form: SuppliedYearForm): CslDate | undefined {
  if (document.year === undefined) return undefined;
  if (!isYearSupplied(document)) return { 'date-parts': [[document.year]] };
  return form === 'brackets' ? { literal: `[${document.year}]` } : { 'date-parts': [[document.year]], circa: true };
}

/** The year of an item, whichever form its date takes. */
export function cslYear(item: Pick<CslItem, 'issued'>): number | undefined {
  const issued = item.issued;
  if (!issued) return undefined;
  if ('literal' in issued) {
    const year = /\d{4}/.exec(issued.literal)?.[0];
    return year === undefined ? undefined : Number(year);
  }
  return issued['date-parts'][0]?.[0];
}

/** Whether an item's year is supplied rather than printed (approximate, or bracketed by us). */
export function isSuppliedDate(item: Pick<CslItem, 'issued'>): boolean {
  const issued = item.issued;
  return !!issued && ('literal' in issued || issued.circa === true);
}

/** Shown as the report's genre so "Policy brief" appears where styles print one. */
const genreByKind: Partial<Record<CorpusDocument['kind'], string>> = {
  'policy-paper': 'Policy paper',
  'policy-brief': 'Policy brief',
  'discussion-paper': 'Discussion paper',
};

/** Words that mark a corporate author ("Kosovar Centre for Security Studies"), which must not be split into given/family. */
const institutionalWords =
  /\b(centre|center|institute|institution|university|foundation|stiftung|consortium|group|academy|ministry|government|agency|organi[sz]ation|council|association|office|commission|committee|network|forum|society|programme|program|kcss|nato|eu)\b/i;

/** Honorifics and degrees the seeds put around names ("Dr. Ramadan Ilazi"). */
const honorifics = /^(dr|prof|mr|mrs|ms|professor)\.?\s+/i;
const trailingDegrees = /,?\s+(phd|ph\.d\.|ma|msc|mba)\.?$/i;

/** Lower-case particles that belong to the family name ("van", "de la"). */
const particles = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'ibn', 'al']);

/**
 * Splits a display name into CSL family/given. "Family, Given" is honoured as written;
 * otherwise the last word (plus any lower-case particles before it) is the family name.
 */
export function splitPersonName(raw: string): CslName {
  const name = raw.trim().replace(honorifics, '').replace(trailingDegrees, '').trim();
  if (!name) return { literal: raw.trim() };
  if (institutionalWords.test(name)) return { literal: name };
  if (name.includes(',')) {
    const [family, given] = name.split(',', 2).map((part) => part.trim());
    return given ? { family: family ?? name, given } : { literal: name };
  }
  const words = name.split(/\s+/);
  if (words.length === 1) return { literal: name };
  let familyStart = words.length - 1;
  while (familyStart > 1 && particles.has(words[familyStart - 1]!)) familyStart -= 1;
  return { family: words.slice(familyStart).join(' '), given: words.slice(0, familyStart).join(' ') };
}

/** Title and subtitle joined the way Chicago and APA both print them. */
export function fullTitle(document: Pick<CorpusDocument, 'title' | 'subtitle'>): string {
  const title = document.title.trim();
  const subtitle = document.subtitle?.trim();
  if (!subtitle) return title;
  return /[?!:.]$/.test(title) ? `${title} ${subtitle}` : `${title}: ${subtitle}`;
}

/**
 * The CSL-JSON item for a corpus document. `id` defaults to the document id; Markdown
 * export passes its citation key instead so Pandoc can match `[@key]` to the item.
 */
export function documentToCslItem(document: CorpusDocument, id: string = document.id, options: CslItemOptions = {}): CslItem {
  const item: CslItem = {
    id,
    type: documentType(document),
    title: fullTitle(document),
  };
  if (document.subtitle) item['title-short'] = document.title.trim();
  if (document.authors.length > 0) item.author = document.authors.map(splitPersonName);
  if (document.editors.length > 0) item.editor = document.editors.map(splitPersonName);
  if (document.publishers.length > 0) item.publisher = document.publishers.join('; ');
  if (document.place) item['publisher-place'] = document.place;
  const issued = issuedDate(document, options.suppliedYear ?? 'circa');
  if (issued) item.issued = issued;
  if (document.isbn) item.ISBN = document.isbn;
  if (document.doi) item.DOI = document.doi;
  if (document.url) item.URL = document.url;
  // "Policy brief" is a report's genre; a type chosen otherwise (a book) drops it.
  const genre = genreByKind[document.kind];
  if (genre && item.type === cslTypeByKind[document.kind]) item.genre = genre;
  if (document.language) item.language = document.language;
  if (document.pageCount > 0) item['number-of-pages'] = String(document.pageCount);
  return item;
}
