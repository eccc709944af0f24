import type { FieldProvenance, Provenance } from '../../corpus/schema';
import { findDois } from '../../metadata/identifiers';
import { infoAuthors, infoYear, splitNames, usableInfoTitle, type PdfInfo } from '../pdf/metadata';
import { readPrintedDetails, type PrintedPage } from './printed-details';
import { assignFirst, candidate, firstFound, titleFrom, type ImportedMetadata } from './types';

/**
 * A PDF's metadata from everything it carries, best source first: the XMP packet (what
 * publishers and reference managers write), the document information dictionary (when it
 * looks written by a person, not "Microsoft Word - draft3.docx"), the first page (the
 * largest text is the title, the lines under it in one size the authors; a copyright line,
 * ISBN or DOI printed on the first pages), and last the file name.
 */
export interface PdfMetadataInput {
  fileName: string;
  info: PdfInfo;
  /** XMP properties as pdf.js parses them ("dc:title" → text, "dc:creator" → names). */
  xmp: Readonly<Record<string, string | readonly string[]>>;
  /** What the first page's layout says (`readFirstPage`). */
  firstPage: { title?: string; authors: string[]; page: number };
  /** The first pages' lines, for copyright lines, ISBNs and DOIs. */
  pages: readonly PrintedPage[];
}

function xmpText(xmp: PdfMetadataInput['xmp'], ...names: string[]): string | undefined {
  for (const name of names) {
    const value = xmp[name];
    const text = (Array.isArray(value) ? value.join('; ') : (value as string | undefined))?.replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return undefined;
}

function xmpNames(xmp: PdfMetadataInput['xmp']): string[] {
  const creators = xmp['dc:creator'];
  const list = Array.isArray(creators) ? creators : typeof creators === 'string' ? [creators] : [];
  return list.flatMap((name) => splitNames(name));
}

const fromXmp = (name: string, printed: string): FieldProvenance => ({ source: 'xmp', printed, note: `The PDF's XMP metadata (${name}).` });
const fromInfo = (key: string, printed: string): FieldProvenance => ({ source: 'pdf-info', printed, note: `The PDF's document information (${key}).` });

export function pdfMetadata(input: PdfMetadataInput): ImportedMetadata {
  const { info, xmp, firstPage } = input;
  const provenance: Provenance = {};
  const printed = readPrintedDetails(input.pages);

  // Title: XMP, the info dictionary, the first page, the file name.
  const xmpTitle = usableInfoTitle({ Title: xmpText(xmp, 'dc:title') });
  const infoTitle = usableInfoTitle(info);
  const title = titleFrom(
    [
      candidate(xmpTitle, fromXmp('dc:title', xmpTitle ?? '')),
      candidate(infoTitle, fromInfo('Title', infoTitle ?? '')),
      candidate(firstPage.title, { source: 'printed', location: 'first-page', page: firstPage.page, printed: firstPage.title, note: 'The largest text at the top of the first page.' }),
    ],
    input.fileName,
    'in the PDF’s metadata or on its first page',
  );
  provenance.title = title.provenance;

  // Authors: XMP, the info dictionary, the lines under the title.
  const xmpAuthors = xmpNames(xmp);
  const infoNames = infoAuthors(info);
  const authors = firstFound(
    candidate(xmpAuthors, fromXmp('dc:creator', xmpAuthors.join('; '))),
    candidate(infoNames, fromInfo('Author', String(info.Author))),
    candidate(firstPage.authors, { source: 'printed', location: 'first-page', page: firstPage.page, printed: firstPage.authors.join(', '), note: 'The lines under the title on the first page.' }),
  );
  if (authors) provenance.authors = authors.provenance;
  const result: ImportedMetadata = { title: title.value, authors: authors?.value ?? [], provenance };

  // Year: printed on the first pages, the XMP publication date, the info dictionary's creation date.
  const xmpDate = xmpText(xmp, 'prism:publicationdate', 'prism:coverdate', 'dc:date');
  const xmpYear = xmpDate ? /\b((?:1[5-9]|20)\d{2})\b/.exec(xmpDate)?.[1] : undefined;
  const infoCreated = infoYear(info);
  assignFirst(
    result,
    'year',
    printed.year,
    candidate(xmpYear === undefined ? undefined : Number(xmpYear), fromXmp('publication date', xmpDate ?? '')),
    candidate(infoCreated, { ...fromInfo('CreationDate', String(info.CreationDate)), note: 'The date the PDF file was made (its document information); the document prints no year on its first pages.' }),
  );
  const xmpPublisher = xmpText(xmp, 'dc:publisher');
  assignFirst(result, 'publisher', candidate(xmpPublisher, fromXmp('dc:publisher', xmpPublisher ?? '')), printed.publisher);
  const xmpDoi = findDois(xmpText(xmp, 'prism:doi', 'pdfx:doi', 'dc:identifier') ?? '')[0]?.value;
  assignFirst(result, 'doi', candidate(xmpDoi, fromXmp('DOI', xmpDoi ?? '')), printed.doi);
  assignFirst(result, 'isbn', printed.isbn);
  const xmpUrl = xmpText(xmp, 'prism:url');
  assignFirst(result, 'url', candidate(xmpUrl && /^https?:\/\//i.test(xmpUrl) ? xmpUrl : undefined, fromXmp('prism:url', xmpUrl ?? '')));
  return result;
}
