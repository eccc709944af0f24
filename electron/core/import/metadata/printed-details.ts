import type { FieldProvenance, PrintedLocation } from '../../corpus/schema';
import { findDois, findIsbns } from '../../metadata/identifiers';
import type { Candidate } from './types';

/**
 * Details a document prints on its first pages: a copyright or publication line with year and
 * publisher ("Copyright © 2009 ACM 978-1-60558-392-1/09/06"), an ISBN, a DOI.
 */
export interface PrintedPage {
  page: number;
  /** The page's lines in reading order. */
  lines: readonly string[];
}

export type PrintedDetail<T> = Candidate<T>;

export interface PrintedDetails {
  year?: PrintedDetail<number>;
  publisher?: PrintedDetail<string>;
  isbn?: PrintedDetail<string>;
  doi?: PrintedDetail<string>;
}

/** "Copyright © 2009 ACM", "© 2021 The Authors", "Copyright c 2009 ACM" (pdftotext's ©), "Published 2020 by Routledge". */
const COPYRIGHT = /(?:copyright|\(c\)|©)\s*(?:c\s+|©\s*)?((?:19|20)\d{2})(?:\s+(?:by\s+)?((?:the\s+)?[A-Z][\p{L}&.'-]*(?:\s+[A-Z][\p{L}&.'-]*){0,5}))?/iu;
const PUBLISHED = /\bpublished(?: in)?\s+((?:19|20)\d{2})(?:\s+by\s+([A-Z][\p{L}&.'-]*(?:\s+[A-Z][\p{L}&.'-]*){0,5}))?/u;

function at(page: number, line: string, location: PrintedLocation): FieldProvenance {
  return { source: 'printed', location, page, printed: line.trim().slice(0, 300) };
}

/** Reads the first pages (give it two or three) for what they print plainly. */
export function readPrintedDetails(pages: readonly PrintedPage[]): PrintedDetails {
  const details: PrintedDetails = {};
  for (const { page, lines } of pages) {
    for (const line of lines) {
      const copyright = COPYRIGHT.exec(line) ?? PUBLISHED.exec(line);
      if (copyright && !details.year) {
        details.year = { value: Number(copyright[1]), provenance: at(page, line, 'copyright-line') };
        // The name ends where its sentence does ("… Balkan Research Group. All rights reserved.").
        const publisher = copyright[2]?.replace(/\s+\d.*$/, '').replace(/\.(\s.*)?$/, '').trim();
        // "© 2021 The Authors" names who holds the copyright, not a publisher.
        if (publisher && !/^(the\s+)?authors?$/i.test(publisher) && !details.publisher) {
          details.publisher = { value: publisher.replace(/^the\s+/i, ''), provenance: at(page, line, 'copyright-line') };
        }
      }
      const isbn = findIsbns(line)[0];
      if (isbn && !details.isbn) details.isbn = { value: isbn.value, provenance: at(page, line, 'first-page') };
      const doi = findDois(line)[0];
      if (doi && !details.doi) details.doi = { value: doi.value, provenance: at(page, line, 'first-page') };
    }
  }
  return details;
}
