import type { CorpusDocument, FieldProvenance, MetadataField, Passage, PrintedLocation, Provenance } from '../schema';
import type { SeedMeta } from '../parse/types';
import { compact } from '../parse/text';
import { findIsbns } from '../../metadata/identifiers';
import { inferYearFromContent } from '../../metadata/infer-year';
import { parseCipEntry } from './cip-record';
import { seedParagraphs, type SeedParagraph } from './seed-paragraphs';

export { parseCipEntry, type CipEntry } from './cip-record';
export { seedParagraphs, type SeedParagraph } from './seed-paragraphs';

/**
 * A bundled paper's bibliographic metadata and where each field comes from. The seed's
 * metadata file gives the display forms a machine cannot settle (title casing, which names
 * are authors and which editors, the publisher's full name); this module finds where the
 * paper prints each of them, and reads from the paper itself what it prints plainly: the CIP
 * record's place, publisher form and year, and the ISBN. A year the paper does not print is
 * inferred from its latest dated content, with the sentences that date it.
 */
export type SeedMetadata = Pick<CorpusDocument, 'title' | 'authors' | 'editors' | 'publishers'> &
  Partial<Pick<CorpusDocument, 'subtitle' | 'year' | 'place' | 'isbn'>> & { provenance: Provenance };

/** Where a value is best read from, most authoritative first, per field. */
const PREFERENCE: Record<'title' | 'names' | 'publishers', PrintedLocation[]> = {
  title: ['cover', 'cip', 'closing-note', 'running-header', 'byline', 'colophon'],
  names: ['byline', 'colophon', 'cip', 'closing-note', 'cover', 'running-header'],
  publishers: ['colophon', 'cover', 'byline', 'cip', 'running-header', 'closing-note'],
};

/** "Kosovar Centre for Security Studies (KCSS)" is printed whole or without its abbreviation. */
function printedForms(value: string): string[] {
  const forms = [value];
  const abbreviated = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(value);
  if (abbreviated) forms.push(abbreviated[1]!);
  // "Dr. Ramadan Ilazi" prints the name with a title.
  return forms.map(compact).filter((f) => f.length > 0);
}

/** Passage whose text the paragraph is, or is part of: what a click on the source opens. */
function passageFor(paragraph: SeedParagraph, passages: readonly Passage[]): Passage | undefined {
  const exact = passages.find((p) => compact(p.text) === paragraph.key);
  if (exact) return exact;
  // The parser may have joined or split a paragraph at a page break: the same text, nearly.
  return passages.find((p) => {
    const key = compact(p.text);
    const [shorter, longer] = key.length < paragraph.key.length ? [key, paragraph.key] : [paragraph.key, key];
    return shorter.length >= 0.8 * longer.length && longer.includes(shorter);
  });
}

function excerpt(text: string): string {
  return text.length <= 600 ? text : `${text.slice(0, 597).trimEnd()}…`;
}

function printedAt(paragraph: SeedParagraph, passages: readonly Passage[]): FieldProvenance {
  const passage = passageFor(paragraph, passages);
  return { source: 'printed', location: paragraph.location, printed: excerpt(paragraph.text), ...(passage ? { passageId: passage.id } : {}) };
}

/** Where `value` is printed, by the field's order of preference; undefined if only in the running text or nowhere. */
function locate(value: string, paragraphs: readonly SeedParagraph[], order: readonly PrintedLocation[]): SeedParagraph | undefined {
  const forms = printedForms(value);
  const hits = paragraphs.filter((p) => forms.some((form) => p.key.includes(form)));
  for (const location of order) {
    const hit = hits.find((p) => p.location === location);
    if (hit) return hit;
  }
  return undefined;
}

function curated(what: string, value: string, paragraphs: readonly SeedParagraph[], passages: readonly Passage[]): FieldProvenance {
  const mention = paragraphs.find((p) => p.location === 'text' && printedForms(value).some((form) => p.key.includes(form)));
  const passage = mention ? passageFor(mention, passages) : undefined;
  return {
    source: 'curated',
    note: `The paper does not print its ${what}; the bundled paper's metadata file names ${value}${mention ? ', which the text mentions' : ''}.`,
    ...(passage ? { passageId: passage.id } : {}),
  };
}

/** The field's provenance from the values' locations: printed where all are printed, else curated. */
function provenanceOf(field: string, values: readonly string[], paragraphs: readonly SeedParagraph[], passages: readonly Passage[], order: readonly PrintedLocation[]): FieldProvenance | undefined {
  if (values.length === 0) return undefined;
  const hits = values.map((value) => locate(value, paragraphs, order));
  const missing = values.filter((_, i) => !hits[i]);
  if (missing.length > 0) return curated(field, missing.join(', '), paragraphs, passages);
  // Names printed in several places (a byline and the CIP record) are cited where the first is.
  return printedAt(hits[0]!, passages);
}

export function describeSeedMetadata(meta: SeedMeta, text: string, passages: readonly Passage[]): SeedMetadata {
  const paragraphs = seedParagraphs(text);
  const provenance: Provenance = {};
  const set = (field: MetadataField, value: FieldProvenance | undefined) => {
    if (value) provenance[field] = value;
  };

  const titleSpot = locate(meta.subtitle ? `${meta.title} ${meta.subtitle}` : meta.title, paragraphs, PREFERENCE.title) ?? locate(meta.title, paragraphs, PREFERENCE.title);
  set('title', titleSpot ? printedAt(titleSpot, passages) : curated('title', meta.title, paragraphs, passages));
  if (meta.subtitle) set('subtitle', provenanceOf('subtitle', [meta.subtitle], paragraphs, passages, PREFERENCE.title));
  set('authors', provenanceOf('authors', meta.authors, paragraphs, passages, PREFERENCE.names));
  set('editors', provenanceOf('editors', meta.editors ?? [], paragraphs, passages, PREFERENCE.names));
  set('publishers', provenanceOf('publisher', meta.publishers, paragraphs, passages, PREFERENCE.publishers));

  const result: SeedMetadata = {
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    authors: meta.authors,
    editors: meta.editors ?? [],
    publishers: meta.publishers,
    provenance,
  };

  const cip = paragraphs.filter((p) => p.location === 'cip');
  const cipLine = cip.find((p) => parseCipEntry(p.text));
  const entry = cipLine ? parseCipEntry(cipLine.text) : undefined;
  if (cipLine && entry) {
    result.year = entry.year;
    result.place = entry.place;
    set('year', printedAt(cipLine, passages));
    set('place', printedAt(cipLine, passages));
  }
  const isbnLine = [...cip, ...paragraphs.filter((p) => p.location !== 'cip')].find((p) => findIsbns(p.text).length > 0);
  if (isbnLine) {
    result.isbn = findIsbns(isbnLine.text)[0]!.value;
    set('isbn', printedAt(isbnLine, passages));
  }

  if (result.year === undefined) {
    const inferred = inferYearFromContent(passages);
    if (inferred) {
      result.year = inferred.year;
      set('year', {
        source: 'inferred',
        evidence: inferred.evidence,
        note: `The paper prints no year; its latest dated content is from ${inferred.year}, so it was published then or later.`,
      });
    }
  }
  return result;
}
