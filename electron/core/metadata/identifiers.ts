/**
 * ISBNs and DOIs as documents print them. An ISBN is accepted only when its check digit is
 * right, so page numbers, phone numbers and ACM's "978-1-60558-392-1/09/06" price lines are
 * told apart from real ones by arithmetic, not by guessing.
 */

export interface FoundIdentifier {
  /** As printed, hyphens kept ("978-9951-842-58-7"). */
  value: string;
  start: number;
  end: number;
}

/** "ISBN 978-…", "ISBN-13: …", or a bare 978/979 number hyphenated the way ISBNs are. */
const ISBN_PATTERN = /\bISBN(?:-1[03])?:?\s*((?:97[89][-\s]?)?\d{1,5}[-\s]?\d{1,7}[-\s]?\d{1,7}[-\s]?[\dX])\b|\b(97[89]-\d{1,5}-\d{1,7}-\d{1,7}-\d)\b/gi;

function digitsOf(isbn: string): string {
  return isbn.replace(/[-\s]/g, '').toUpperCase();
}

export function isValidIsbn(isbn: string): boolean {
  const digits = digitsOf(isbn);
  if (/^\d{13}$/.test(digits)) {
    const sum = [...digits].reduce((total, d, i) => total + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0;
  }
  if (/^\d{9}[\dX]$/.test(digits)) {
    const sum = [...digits].reduce((total, d, i) => total + (d === 'X' ? 10 : Number(d)) * (10 - i), 0);
    return sum % 11 === 0;
  }
  return false;
}

export function findIsbns(text: string): FoundIdentifier[] {
  const found: FoundIdentifier[] = [];
  for (const match of text.matchAll(ISBN_PATTERN)) {
    const value = (match[1] ?? match[2])!.trim().replace(/\s+/g, '-');
    if (!isValidIsbn(value) || found.some((f) => digitsOf(f.value) === digitsOf(value))) continue;
    found.push({ value, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** DOIs: "10." + registrant + "/" + suffix, with a "doi:" or doi.org prefix or bare. */
const DOI_PATTERN = /\b(10\.\d{4,9}\/[^\s"<>]+)/gi;

export function findDois(text: string): FoundIdentifier[] {
  const found: FoundIdentifier[] = [];
  for (const match of text.matchAll(DOI_PATTERN)) {
    // Sentence punctuation after a DOI is not part of it.
    const value = match[1]!.replace(/[.,;:)\]}]+$/, '');
    if (found.some((f) => f.value.toLowerCase() === value.toLowerCase())) continue;
    found.push({ value, start: match.index, end: match.index + value.length });
  }
  return found;
}
