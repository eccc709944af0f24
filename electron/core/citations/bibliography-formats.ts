import { cslYear, isSuppliedDate, type CslItem, type CslName } from './csl-item';
import { referenceBibtexFields, referenceBibtexTypes, referenceRisLines, referenceRisTypes } from './reference-file-fields';

/** Bibliography files for reference managers: CSL-JSON (Zotero, Pandoc), BibTeX (LaTeX), RIS (EndNote, Mendeley, Zotero). */
export type BibliographyFormat = 'csl-json' | 'bibtex' | 'ris';

export function formatBibliographyFile(items: readonly CslItem[], format: BibliographyFormat): string {
  switch (format) {
    case 'csl-json':
      return JSON.stringify(items, null, 2) + '\n';
    case 'bibtex':
      return items.map(toBibtex).join('\n');
    case 'ris':
      return items.map(toRis).join('');
  }
}

export const bibliographyFileExtension: Record<BibliographyFormat, string> = { 'csl-json': 'json', bibtex: 'bib', ris: 'ris' };

/** A supplied year as the item's style prints it: its literal ("[2024]") or "ca. 2024". */
function printedSuppliedYear(item: CslItem, year: number): string {
  return item.issued && 'literal' in item.issued ? item.issued.literal : `ca. ${year}`;
}

/** A CSL date as ISO 8601 (`2026`, `2026-03`, `2026-03-05`), as biblatex's urldate wants it; undefined for a literal. */
function isoDate(date: CslItem['accessed']): string | undefined {
  if (!date || !('date-parts' in date)) return undefined;
  const [year, month, day] = date['date-parts'][0] ?? [];
  if (year === undefined) return undefined;
  return [String(year).padStart(4, '0'), ...(month ? [String(month).padStart(2, '0')] : []), ...(month && day ? [String(day).padStart(2, '0')] : [])].join('-');
}

// ---- BibTeX ----------------------------------------------------------------------------

const bibtexTypes: Record<string, string> = { report: 'techreport', book: 'book', 'article-journal': 'article' };

/** TeX's special characters, escaped so titles like "Research & Development" compile. */
function texEscape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => ({ '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' })[c] ?? `\\${c}`);
}

function bibtexName(name: CslName): string {
  // Corporate names are braced so BibTeX does not split them into first/last names.
  if (name.literal) return `{${texEscape(name.literal)}}`;
  return [name.family, name.given].filter(Boolean).map((p) => texEscape(p!)).join(', ');
}

/** BibTeX keys allow letters, digits and a few marks; anything else becomes '-'. */
export function bibtexKey(id: string): string {
  return id.replace(/[^A-Za-z0-9:._-]/g, '-');
}

function toBibtex(item: CslItem): string {
  const type = bibtexTypes[item.type] ?? referenceBibtexTypes[item.type] ?? 'misc';
  const fields: Array<[string, string]> = [];
  if (item.author?.length) fields.push(['author', item.author.map(bibtexName).join(' and ')]);
  if (item.editor?.length) fields.push(['editor', item.editor.map(bibtexName).join(' and ')]);
  // Double braces keep the title's capitalisation ("NATO", "Kosovo") as written.
  fields.push(['title', `{${texEscape(item.title)}}`]);
  const year = cslYear(item);
  if (year !== undefined && isSuppliedDate(item)) {
    // BibTeX prints `year` as written ("[2024]", "ca. 2024"); biblatex reads the EDTF
    // `date`, where "~" marks the year approximate.
    fields.push(['year', texEscape(printedSuppliedYear(item, year))]);
    fields.push(['date', `${year}~`]);
  } else if (year !== undefined) {
    fields.push(['year', String(year)]);
  }
  if (item.publisher) fields.push([type === 'techreport' ? 'institution' : 'publisher', texEscape(item.publisher)]);
  if (item['publisher-place']) fields.push(['address', texEscape(item['publisher-place'])]);
  if (item.genre && type === 'techreport') fields.push(['type', texEscape(item.genre)]);
  if (item.ISBN) fields.push(['isbn', texEscape(item.ISBN)]);
  if (item.DOI) fields.push(['doi', texEscape(item.DOI)]);
  if (item.URL) fields.push(['url', item.URL.replace(/[{}]/g, encodeURIComponent)]);
  if (item['number-of-pages']) fields.push(['pagetotal', texEscape(item['number-of-pages'])]);
  if (item.language) fields.push(['language', texEscape(item.language)]);
  fields.push(...referenceBibtexFields(item, type, texEscape));
  // Whether or not a year is known: a report without one is exactly where these matter.
  if (item.note) fields.push(['note', texEscape(item.note)]);
  const accessed = isoDate(item.accessed);
  if (accessed) fields.push(['urldate', accessed]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${type}{${bibtexKey(item.id)},\n${body}\n}\n`;
}

// ---- RIS -------------------------------------------------------------------------------

const risTypes: Record<string, string> = { report: 'RPRT', book: 'BOOK', 'article-journal': 'JOUR', interview: 'PCOMM' };

function risName(name: CslName): string {
  if (name.literal) return name.literal;
  return [name.family, name.given].filter(Boolean).join(', ');
}

/** RIS lines are "TAG  - value" with CRLF endings; a record ends with "ER  - ". */
function toRis(item: CslItem): string {
  const lines: Array<[string, string]> = [['TY', risTypes[item.type] ?? referenceRisTypes[item.type] ?? 'GEN']];
  for (const author of item.author ?? []) lines.push(['AU', risName(author)]);
  for (const editor of item.editor ?? []) lines.push(['ED', risName(editor)]);
  lines.push(['TI', item.title]);
  const year = cslYear(item);
  if (year !== undefined) lines.push(['PY', String(year)]);
  if (item.publisher) lines.push(['PB', item.publisher]);
  if (item['publisher-place']) lines.push(['CY', item['publisher-place']]);
  if (item.genre) lines.push(['M3', item.genre]);
  if (item.ISBN) lines.push(['SN', item.ISBN]);
  if (item.DOI) lines.push(['DO', item.DOI]);
  if (item.URL) lines.push(['UR', item.URL]);
  if (item.language) lines.push(['LA', item.language]);
  lines.push(...referenceRisLines(item));
  // RIS's PY holds a bare year; the note keeps the fact that the work does not print it.
  if (year !== undefined && isSuppliedDate(item)) lines.push(['N1', `The year is not printed in the work; it is supplied: ${printedSuppliedYear(item, year)}.`]);
  lines.push(['ID', item.id]);
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${value.replace(/[\r\n]+/g, ' ')}\r\n`).join('');
}
