import type { FieldProvenance, Provenance } from '../../corpus/schema';
import { findDois } from '../../metadata/identifiers';
import { infoAuthors, infoYear, splitNames, usableInfoTitle, type PdfInfo } from '../pdf/metadata';
import { readPrintedDetails, type PrintedPage } from './printed-details';
import { fileNameTitle, type ImportedMetadata } from './types';

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
  let title: string;
  if (xmpTitle) {
    title = xmpTitle;
    provenance.title = fromXmp('dc:title', xmpTitle);
  } else if (infoTitle) {
    title = infoTitle;
    provenance.title = fromInfo('Title', infoTitle);
  } else if (firstPage.title) {
    title = firstPage.title;
    provenance.title = { source: 'printed', location: 'first-page', page: firstPage.page, printed: firstPage.title, note: 'The largest text at the top of the first page.' };
  } else {
    const fallback = fileNameTitle(input.fileName, 'in the PDF’s metadata or on its first page');
    title = fallback.title;
    Object.assign(provenance, fallback.provenance);
  }

  // Authors: XMP, the info dictionary, the lines under the title.
  let authors = xmpNames(xmp);
  if (authors.length > 0) provenance.authors = fromXmp('dc:creator', authors.join('; '));
  else if ((authors = infoAuthors(info)).length > 0) provenance.authors = fromInfo('Author', String(info.Author));
  else if ((authors = firstPage.authors).length > 0) {
    provenance.authors = { source: 'printed', location: 'first-page', page: firstPage.page, printed: authors.join(', '), note: 'The lines under the title on the first page.' };
  }

  const result: ImportedMetadata = { title, authors, provenance };

  // Year: printed on the first pages, the XMP publication date, the info dictionary's creation date.
  const xmpDate = xmpText(xmp, 'prism:publicationdate', 'prism:coverdate', 'dc:date');
  const xmpYear = xmpDate ? /\b((?:1[5-9]|20)\d{2})\b/.exec(xmpDate)?.[1] : undefined;
  const infoCreated = infoYear(info);
  if (printed.year) {
    result.year = printed.year.value;
    provenance.year = printed.year.provenance;
  } else if (xmpYear) {
    result.year = Number(xmpYear);
    provenance.year = fromXmp('publication date', xmpDate!);
  } else if (infoCreated !== undefined) {
    result.year = infoCreated;
    provenance.year = { ...fromInfo('CreationDate', String(info.CreationDate)), note: 'The date the PDF file was made (its document information); the document prints no year on its first pages.' };
  }

  const xmpPublisher = xmpText(xmp, 'dc:publisher');
  if (xmpPublisher) {
    result.publisher = xmpPublisher;
    provenance.publishers = fromXmp('dc:publisher', xmpPublisher);
  } else if (printed.publisher) {
    result.publisher = printed.publisher.value;
    provenance.publishers = printed.publisher.provenance;
  }

  const xmpDoi = findDois(xmpText(xmp, 'prism:doi', 'pdfx:doi', 'dc:identifier') ?? '')[0]?.value;
  if (xmpDoi) {
    result.doi = xmpDoi;
    provenance.doi = fromXmp('DOI', xmpDoi);
  } else if (printed.doi) {
    result.doi = printed.doi.value;
    provenance.doi = printed.doi.provenance;
  }
  if (printed.isbn) {
    result.isbn = printed.isbn.value;
    provenance.isbn = printed.isbn.provenance;
  }
  const xmpUrl = xmpText(xmp, 'prism:url');
  if (xmpUrl && /^https?:\/\//i.test(xmpUrl)) {
    result.url = xmpUrl;
    provenance.url = fromXmp('prism:url', xmpUrl);
  }
  return result;
}
