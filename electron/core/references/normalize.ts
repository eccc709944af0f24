import { parse as parseDate } from '@citation-js/date';
import { CslDateInputSchema, CslNameInputSchema, dateVariables, nameVariables, type CslData, type CslDateData, type CslNameData } from './csl-data';

/**
 * One CSL item as every importer leaves it, whatever the file's format: names split or kept
 * whole, dates as numbers, empty values gone. The parsers do the reading; this is what we
 * decide about their output.
 */
export function normalizeItem(raw: Record<string, unknown>, id: string): CslData | undefined {
  const item: Record<string, unknown> = {};
  for (const [variable, value] of Object.entries(raw)) {
    if (value === undefined || value === null || value === '') continue;
    if (variable === 'id' || variable === 'citation-key' || variable === '_graph') continue;
    if ((nameVariables as readonly string[]).includes(variable)) {
      const names = normalizeNames(value);
      if (names.length > 0) item[variable] = names;
    } else if ((dateVariables as readonly string[]).includes(variable)) {
      const date = normalizeDate(value);
      if (date) item[variable] = date;
    } else if (variable === 'language' && typeof value === 'string') {
      item.language = languageCode(value.trim());
    } else if (typeof value === 'string') {
      const text = value.trim();
      if (text) item[variable] = text;
    } else if (typeof value === 'number') {
      item[variable] = String(value);
    } else {
      item[variable] = value;
    }
  }
  const title = typeof item.title === 'string' ? item.title : undefined;
  if (!title) return undefined;
  return { ...item, id, type: typeof item.type === 'string' ? item.type : 'document', title } as CslData;
}

/**
 * Names: a name with a family part only and spaces in it came from `{{Corporate Authors}}`
 * (BibTeX) or a one-field RIS/CSL author: it is an institution and stays whole as `literal`.
 * BibTeX's `and others` is how a list says "et al."; it is not a person and is dropped (the
 * styles shorten long lists themselves).
 */
function normalizeNames(value: unknown): CslNameData[] {
  if (!Array.isArray(value)) return [];
  const names: CslNameData[] = [];
  for (const entry of value) {
    const parsed = CslNameInputSchema.safeParse(entry);
    if (!parsed.success) continue;
    const name: CslNameData = {};
    for (const [part, text] of Object.entries(parsed.data)) if (typeof text === 'string' && text.trim()) name[part] = text.trim();
    if (!name.literal && name.family && !name.given && /^others$/i.test(name.family)) continue;
    if (!name.literal && name.family && !name.given && /\s/.test(name.family)) {
      names.push({ literal: name.family });
      continue;
    }
    if (name.literal || name.family || name.given) names.push(name);
  }
  return names;
}

/**
 * biblatex's `langid` names (Better BibTeX writes `english`) as the language tags CSL reads:
 * citeproc-js and Pandoc title-case only items whose language is English.
 */
const langidTags: Record<string, string> = {
  english: 'en', american: 'en-US', british: 'en-GB', ukenglish: 'en-GB', usenglish: 'en-US', german: 'de', ngerman: 'de', french: 'fr',
  albanian: 'sq', serbian: 'sr', croatian: 'hr', bosnian: 'bs', macedonian: 'mk', italian: 'it', spanish: 'es', russian: 'ru', turkish: 'tr', greek: 'el',
};

function languageCode(language: string): string {
  return langidTags[language.toLowerCase()] ?? language;
}

const seasons: Record<string, number> = { spring: 1, summer: 2, autumn: 3, fall: 3, winter: 4 };

/** Dates: numbers in date parts (Zotero writes strings); a `raw` date read where it can be; else kept as a literal. */
export function normalizeDate(value: unknown): CslDateData | undefined {
  const parsed = CslDateInputSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const date = parsed.data;
  const circa = date.circa === true || date.circa === 'true' || date.circa === 1;
  const parts = date['date-parts']?.map((part) => part.map(Number).filter((n) => Number.isFinite(n))).filter((part) => part.length > 0);
  if (parts && parts.length > 0) return { 'date-parts': parts, ...(circa ? { circa: true } : {}), ...seasonOf(date.season) };
  const text = (date.raw ?? date.literal)?.trim();
  if (!text) return undefined;
  if (date.raw !== undefined) {
    const read = parseDate(text) as { 'date-parts'?: number[][] };
    const readParts = read['date-parts'];
    // "2019/2020" comes back reversed; a range whose start is after its end is not trusted.
    if (readParts && readParts.length === 1) return { 'date-parts': readParts, ...(circa ? { circa: true } : {}) };
    const season = /\b(spring|summer|autumn|fall|winter)\b/i.exec(text)?.[1];
    const year = /\b(\d{4})\b/.exec(text)?.[1];
    if (season && year) return { 'date-parts': [[Number(year)]], season: seasons[season.toLowerCase()]! };
  }
  return { literal: text };
}

function seasonOf(season: unknown): { season?: number } {
  if (typeof season === 'number' && season >= 1 && season <= 4) return { season };
  if (typeof season === 'string') {
    const number = Number(season) || seasons[season.toLowerCase()];
    if (number) return { season: number };
  }
  return {};
}

/** The year of an item's issued date, whatever its form. */
export function issuedYear(item: Pick<CslData, 'issued'>): number | undefined {
  const issued = item.issued;
  if (!issued) return undefined;
  if ('literal' in issued) {
    const year = /\d{4}/.exec(issued.literal)?.[0];
    return year === undefined ? undefined : Number(year);
  }
  return issued['date-parts'][0]?.[0];
}
