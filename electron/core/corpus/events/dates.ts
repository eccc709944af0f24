import { PART_OF_YEAR_CODES, isValidEventDate } from './event-date';

/**
 * Date expressions as the papers write them, turned into EDTF dates (see event-date.ts) that
 * are only as precise as the text: "Sept. 24, 2023" and "24 September 2023" -> 2023-09-24,
 * "in May 2024" -> 2024-05, "late 2013" -> 2013-39, "in 2013" -> 2013, "19 – 22 September
 * 2024" -> 2024-09-19/2024-09-22, "(2015-2016)" -> 2015/2016.
 *
 * Bare years are taken only after "in"/"during"/"by", in brackets ("Brussels Agreement
 * (2013)") or before the thing they date ("the 2018 killing of ..."), because most other bare
 * years in the papers are names: strategies and programmes ("Security Strategy 2022-2027"),
 * exercises ("Defender Europe 2023"), citations ("Routledge 2022").
 *
 * chrono-node was tried for this: it reads the day and month forms, but neither bare years,
 * parts of years nor year ranges, and it reads "(March)" in any sentence as a date of the
 * current year; the forms it does read are the easy ones below.
 */
export interface DateExpression {
  /** Offsets of the expression in the text, including its leading word ("in", "on") if any. */
  readonly start: number;
  readonly end: number;
  /** EDTF, as precise as the text. */
  readonly date: string;
  /** The word that leads the expression, lower case: "in", "on", "since", "as of", "" for none. */
  readonly lead: string;
  /**
   * How the date stands in the sentence: `phrase` (in May 2024), `bracketed` (Brussels
   * Agreement (2013)), `attributive` (the 2018 killing) or `inherited` (a month whose year
   * comes from earlier in the sentence: "At the beginning of 2023 ..., followed in March by").
   */
  readonly form: 'phrase' | 'bracketed' | 'attributive' | 'inherited';
}

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^jan(uary|\.)?$/i, 1], [/^feb(ruary|\.)?$/i, 2], [/^mar(ch|\.)?$/i, 3], [/^apr(il|\.)?$/i, 4],
  [/^may$/i, 5], [/^june?\.?$/i, 6], [/^july?\.?$/i, 7], [/^aug(ust|\.)?$/i, 8],
  [/^sep(t|tember)?\.?$/i, 9], [/^oct(ober|\.)?$/i, 10], [/^nov(ember|\.)?$/i, 11], [/^dec(ember|\.)?$/i, 12],
];

/** Full names, or abbreviations with their dot: a bare "Mar" or "Jan" is too likely a name. */
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const DASH = String.raw`(?:\s*[-\u2010-\u2015]\s*|\s+to\s+)`;
/** A leading preposition; each form names its own group (Node 20 allows no duplicate names). */
const lead = (n: number) => String.raw`(?:\b(?<lead${n}>[Oo]n|[Ii]n|[Bb]y|[Ss]ince|[Dd]uring|[Uu]ntil|[Ff]rom|[Aa]s\s+of|[Aa]t)\s+(?:the\s+)?)?`;
const PART = String.raw`(?:early|late|mid-|(?:the\s+)?(?:start|beginning|end|middle|first\s+half|second\s+half)\s+of|spring|summer|autumn|fall|winter)`;
/** Nothing that continues the number: not a range (2022-2027), a decimal or a longer number. */
const NOT_CONTINUED = String.raw`(?![-\u2010-\u2015/.,]?\d)`;

/**
 * Tried in this order at each position; the regex alternation prefers the earlier, more
 * specific forms, so "24 September 2023" is never read as "September 2023".
 */
const DATE_PATTERN = new RegExp(
  [
    // 19 - 22 September 2024
    String.raw`${lead(1)}(?<rd1>${DAY})${DASH}(?<rd2>${DAY})\s+(?<rm>${MONTH})\s+(?<ry>${YEAR})`,
    // 26 May to 9 June 2025
    String.raw`${lead(2)}(?<xd1>${DAY})\s+(?<xm1>${MONTH})${DASH}(?<xd2>${DAY})\s+(?<xm2>${MONTH})\s+(?<xy>${YEAR})`,
    // September 24, 2023 / Sept. 24, 2023
    String.raw`${lead(3)}(?<am>${MONTH})\s+(?<ad>${DAY}),?\s+(?<ay>${YEAR})`,
    // 24 September 2023
    String.raw`${lead(4)}(?<bd>${DAY})\s+(?<bm>${MONTH}),?\s+(?<by>${YEAR})`,
    // April and May 2023
    String.raw`${lead(5)}(?<nm1>${MONTH})(?:\s+and\s+|${DASH})(?<nm2>${MONTH})\s*,?\s+(?:of\s+)?(?<ny>${YEAR})`,
    // May 2024 / June, 2023 / September of 2025 / March, of 2026
    String.raw`${lead(6)}(?<cm>${MONTH})\s*,?\s+(?:of\s+)?(?<cy>${YEAR})`,
    // late 2025 and early 2026
    String.raw`${lead(8)}(?<part1>${PART})\s*(?<py1>${YEAR})(?:\s+and\s+|${DASH})(?<part2>${PART})\s*(?<py2>${YEAR})`,
    // late 2013 / mid-2025 / the start of 2022 / by late 2025
    String.raw`${lead(7)}(?<part>${PART})\s*(?<py>${YEAR})`,
    // (2015-2016)
    String.raw`\((?<gy1>${YEAR})\s*[-\u2010-\u2015]\s*(?<gy2>${YEAR})\)`,
    // Brussels Agreement (2013)
    String.raw`\((?<gy>${YEAR})\)`,
    // in 2013 / during 2022 / by 2018 (not a range such as 2022-2027)
    String.raw`\b(?<ylead>[Ii]n|[Dd]uring|[Bb]y|[Ss]ince|[Uu]ntil|[Aa]s\s+of)\s+(?<y>${YEAR})`,
    // the 2018 killing of ... / the 1995 Erdut Agreement
    String.raw`\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?<ty>${YEAR})(?=\s+[\p{L}])`,
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/, '(?:')
    .concat(')', NOT_CONTINUED),
  'gu',
);

/** A month named without a year ("in March", "Kenya (March)"), for a year given earlier in the sentence. */
const BARE_MONTH = new RegExp(String.raw`(?:\b(?<lead>[Ii]n|[Bb]y)\s+(?<m>${MONTH})\b(?!\s*,?\s*(?:of\s+)?\d)|\((?<pm>${MONTH})\))`, 'g');

function monthNumber(name: string): number {
  const hit = MONTHS.find(([re]) => re.test(name));
  if (!hit) throw new Error(`not a month: ${name}`);
  return hit[1];
}

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(year: string, month: string, dayOfMonth?: string): string {
  const m = pad(monthNumber(month));
  return dayOfMonth === undefined ? `${year}-${m}` : `${year}-${m}-${pad(Number(dayOfMonth))}`;
}

function partCode(part: string): number {
  const key = part.toLowerCase().replace(/^the\s+/, '').replace(/\s+of$/, '').replace(/-$/, '').replace(/\s+/g, ' ');
  return PART_OF_YEAR_CODES[key] ?? 37;
}

function dateOf(g: Record<string, string | undefined>): { date: string; form: DateExpression['form'] } | undefined {
  if (g.ry && g.rm && g.rd1 && g.rd2) return { date: `${ymd(g.ry, g.rm, g.rd1)}/${ymd(g.ry, g.rm, g.rd2)}`, form: 'phrase' };
  if (g.xy && g.xm1 && g.xm2 && g.xd1 && g.xd2) return { date: `${ymd(g.xy, g.xm1, g.xd1)}/${ymd(g.xy, g.xm2, g.xd2)}`, form: 'phrase' };
  if (g.ay && g.am && g.ad) return { date: ymd(g.ay, g.am, g.ad), form: 'phrase' };
  if (g.by && g.bm && g.bd) return { date: ymd(g.by, g.bm, g.bd), form: 'phrase' };
  if (g.ny && g.nm1 && g.nm2) return { date: `${ymd(g.ny, g.nm1)}/${ymd(g.ny, g.nm2)}`, form: 'phrase' };
  if (g.cy && g.cm) return { date: ymd(g.cy, g.cm), form: 'phrase' };
  if (g.py1 && g.part1 && g.py2 && g.part2) return { date: `${g.py1}-${partCode(g.part1)}/${g.py2}-${partCode(g.part2)}`, form: 'phrase' };
  if (g.py && g.part) return { date: `${g.py}-${partCode(g.part)}`, form: 'phrase' };
  if (g.gy1 && g.gy2) return { date: `${g.gy1}/${g.gy2}`, form: 'bracketed' };
  if (g.gy) return { date: g.gy, form: 'bracketed' };
  if (g.y) return { date: g.y, form: 'phrase' };
  if (g.ty) return { date: g.ty, form: 'attributive' };
  return undefined;
}

export function findDates(text: string): DateExpression[] {
  // Every form carries a year; most sentences have none, and the full pattern is costly.
  if (!/(?:19|20)\d{2}/.test(text)) return [];
  const found: DateExpression[] = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    const g = match.groups ?? {};
    const read = dateOf(g);
    if (!read || !isValidEventDate(read.date)) continue;
    const leadWord = ([1, 2, 3, 4, 5, 6, 7, 8].map((n) => g[`lead${n}`]).find(Boolean) ?? g.ylead ?? '').toLowerCase().replace(/\s+/g, ' ');
    found.push({ start: match.index, end: match.index + match[0].length, date: read.date, lead: leadWord, form: read.form });
  }
  return [...found, ...inheritedMonths(text, found)].sort((a, b) => a.start - b.start);
}

/** Months without a year take the year of the nearest explicit date before them in the same text. */
function inheritedMonths(text: string, dated: readonly DateExpression[]): DateExpression[] {
  const found: DateExpression[] = [];
  for (const match of text.matchAll(BARE_MONTH)) {
    const g = match.groups ?? {};
    const month = g.m ?? g.pm;
    if (!month) continue;
    const start = match.index;
    if (dated.some((d) => start < d.end && d.start < start + match[0].length)) continue;
    const before = dated.filter((d) => d.end <= start).at(-1);
    if (!before) continue;
    const date = `${before.date.slice(0, 4)}-${pad(monthNumber(month))}`;
    // "Kenya (March), Sudan (April)": bracketed like "Türkiye (1952)", so read as a list the same way.
    found.push({ start, end: start + match[0].length, date, lead: (g.lead ?? '').toLowerCase(), form: g.pm ? 'bracketed' : 'inherited' });
  }
  return found;
}
