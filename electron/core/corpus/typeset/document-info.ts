import type { CorpusDocument } from '../schema';

export const PDF_CREATOR = 'Field Workbench corpus build';
export const PDF_PRODUCER = 'Field Workbench typesetter (PDFKit)';

/**
 * A fixed date keeps the output byte-identical between builds (pdfkit also derives the file
 * /ID from the info dictionary). The paper's year is the only date the source gives.
 */
export function fixedDate(document: CorpusDocument): Date {
  return new Date(Date.UTC(document.year ?? 2000, 0, 1));
}

export function documentInfo(document: CorpusDocument): PDFKit.DocumentInfo {
  const kind = document.kind.replace(/-/g, ' ');
  const subject = document.subtitle ?? `${kind[0]!.toUpperCase()}${kind.slice(1)}${document.publishers.length > 0 ? ` published by ${document.publishers.join(' and ')}` : ''}${document.year ? `, ${document.year}` : ''}`;
  const keywords = [kind, ...document.publishers, document.year ? String(document.year) : '', document.language, 'typeset from source text']
    .filter((k) => k.length > 0)
    .join(', ');
  const date = fixedDate(document);
  return {
    Title: document.title,
    Author: [...document.authors, ...document.editors].join('; ') || document.publishers.join('; '),
    Subject: subject,
    Keywords: keywords,
    Creator: PDF_CREATOR,
    Producer: PDF_PRODUCER,
    CreationDate: date,
    ModDate: date,
  };
}
