/**
 * Date expressions as the papers write them, turned into ISO 8601 dates that are only as
 * precise as the text: "Sept. 24, 2023" and "24 September 2023" -> 2023-09-24, "in May 2024"
 * and "September of 2025" -> 2024-05 / 2025-09, "in 2013" -> 2013.
 *
 * Bare years are taken only after "in" ("In 2018, the Assembly amended..."), because most other
 * bare years in the papers are not events: strategy and programme names ("Security Strategy
 * 2022-2027"), report years ("the 2025 country report"), ranges ("from 2021 to 2025").
 */
export interface DateExpression {
  /** Offsets of the expression in the passage text, including a leading "in"/"on" if any. */
  readonly start: number;
  readonly end: number;
  /** ISO 8601, partial where the text is: 2023, 2023-09, 2023-09-24. */
  readonly date: string;
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
const DASH = String.raw`(?:[-\u2010-\u2015]|to)`;
const LEAD = String.raw`(?:\b(?:[Oo]n|[Ii]n|[Bb]y|[Ss]ince|[Dd]uring|[Uu]ntil|[Ff]rom)\s+(?:the\s+)?)?`;

/**
 * Tried in this order at each position; the regex alternation prefers the earlier, more
 * specific forms, so "24 September 2023" is never read as "September 2023".
 */
const DATE_PATTERN = new RegExp(
  [
    // 19 - 22 September 2024: the first day of the range.
    String.raw`${LEAD}(?<rd>${DAY})\s*${DASH}\s*${DAY}\s+(?<rm>${MONTH})\s+(?<ry>${YEAR})`,
    // 26 May to 9 June 2025: the first day of the range.
    String.raw`${LEAD}(?<xd>${DAY})\s+(?<xm>${MONTH})\s*${DASH}\s*${DAY}\s+${MONTH}\s+(?<xy>${YEAR})`,
    // September 24, 2023 / Sept. 24, 2023
    String.raw`${LEAD}(?<am>${MONTH})\s+(?<ad>${DAY}),?\s+(?<ay>${YEAR})`,
    // 24 September 2023
    String.raw`${LEAD}(?<bd>${DAY})\s+(?<bm>${MONTH}),?\s+(?<by>${YEAR})`,
    // May 2024 / June, 2023 / September of 2025 / March, of 2026
    String.raw`${LEAD}(?<cm>${MONTH})\s*,?\s+(?:of\s+)?(?<cy>${YEAR})`,
    // in 2013 / in early 2023 / in mid-2025 (not a range such as 2022-2027)
    String.raw`\b[Ii]n\s+(?:(?:early|late)\s+|mid-)?(?<y>${YEAR})`,
  ]
    .map((p) => `(?:${p})`)
    .join('|') + String.raw`\b(?!\s*[-\u2010-\u2015/]\s*\d)`,
  'g',
);

function monthNumber(name: string): number {
  const hit = MONTHS.find(([re]) => re.test(name));
  if (!hit) throw new Error(`not a month: ${name}`);
  return hit[1];
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: string, month?: string, day?: string): string | undefined {
  if (!month) return year;
  const m = monthNumber(month);
  if (!day) return `${year}-${pad(m)}`;
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return d <= daysInMonth ? `${year}-${pad(m)}-${pad(d)}` : undefined;
}

export function findDates(text: string): DateExpression[] {
  const found: DateExpression[] = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    const g = match.groups ?? {};
    const date =
      (g.ry && isoDate(g.ry, g.rm, g.rd)) ||
      (g.xy && isoDate(g.xy, g.xm, g.xd)) ||
      (g.ay && isoDate(g.ay, g.am, g.ad)) ||
      (g.by && isoDate(g.by, g.bm, g.bd)) ||
      (g.cy && isoDate(g.cy, g.cm)) ||
      (g.y && isoDate(g.y));
    if (date) found.push({ start: match.index, end: match.index + match[0].length, date });
  }
  return found;
}
