import type { CslItem } from './csl-item';

/**
 * What a reference of the reference library (a CSL item from Zotero or a .bib) carries beyond
 * what the corpus's documents have: its container, volume, issue, pages (RIS: access date and
 * note too).
 * The BibTeX and RIS writers add these so a reference leaves as complete as it came in.
 */
type CslVariables = CslItem & Record<string, unknown>;

const text = (item: CslVariables, variable: string): string | undefined => {
  const value = item[variable];
  return typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;
};

/** EDTF day of a CSL date (`accessed`): 2024-03-14, 2024-03 or 2024. */
function isoDate(value: unknown): string | undefined {
  const parts = (value as { 'date-parts'?: unknown } | undefined)?.['date-parts'];
  const first = Array.isArray(parts) && Array.isArray(parts[0]) ? (parts[0] as unknown[]) : undefined;
  if (!first || typeof first[0] !== 'number') return undefined;
  return first
    .filter((part): part is number => typeof part === 'number')
    .map((part, index) => (index === 0 ? String(part).padStart(4, '0') : String(part).padStart(2, '0')))
    .join('-');
}

/** BibTeX entry types for CSL types the corpus never produces. */
export const referenceBibtexTypes: Record<string, string> = {
  chapter: 'incollection',
  'paper-conference': 'inproceedings',
  thesis: 'phdthesis',
  webpage: 'online',
  'article-newspaper': 'article',
  'article-magazine': 'article',
};

export function referenceBibtexFields(item: CslItem, type: string, escape: (value: string) => string): Array<[string, string]> {
  const variables = item as CslVariables;
  const fields: Array<[string, string]> = [];
  const container = text(variables, 'container-title');
  if (container) fields.push([type === 'article' ? 'journal' : 'booktitle', escape(container)]);
  for (const [variable, field] of [
    ['volume', 'volume'],
    ['issue', 'number'],
    ['number', 'number'],
    ['edition', 'edition'],
  ] as const) {
    const value = text(variables, variable);
    if (value && !fields.some(([name]) => name === field)) fields.push([field, escape(value)]);
  }
  const pages = text(variables, 'page');
  if (pages) fields.push(['pages', escape(pages.replace(/[-–]/g, '--'))]);
  // `note` and `urldate` are written for every item by the BibTeX writer itself (the
  // @techreport fix of issue 13), so they are not repeated here.
  return fields;
}

export const referenceRisTypes: Record<string, string> = { chapter: 'CHAP', 'paper-conference': 'CPAPER', thesis: 'THES', webpage: 'ELEC', 'article-newspaper': 'NEWS', 'article-magazine': 'MGZN' };

export function referenceRisLines(item: CslItem): Array<[string, string]> {
  const variables = item as CslVariables;
  const lines: Array<[string, string]> = [];
  const container = text(variables, 'container-title');
  if (container) lines.push(['T2', container]);
  const volume = text(variables, 'volume');
  if (volume) lines.push(['VL', volume]);
  const issue = text(variables, 'issue');
  if (issue) lines.push(['IS', issue]);
  const [start, end] = (text(variables, 'page') ?? '').split(/\s*[-–]+\s*/);
  if (start) lines.push(['SP', start]);
  if (end) lines.push(['EP', end]);
  const accessed = isoDate(variables.accessed);
  if (accessed) lines.push(['Y2', accessed.replace(/-/g, '/')]);
  const note = text(variables, 'note');
  if (note) lines.push(['N1', note]);
  return lines;
}
