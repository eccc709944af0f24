/**
 * Event dates as precise as the papers give them, written in the Extended Date/Time Format
 * (EDTF, ISO 8601-2), which every field of the event model and the CLI output uses:
 *
 * - `2023`, `2023-09`, `2023-09-24`: a year, a month, a day;
 * - `2013-39`: a part of a year ("late 2013"), with ISO 8601-2's sub-year groupings:
 *   21–24 seasons, 33–36 quarters, 37–39 thirds (early, mid, late), 40–41 halves;
 * - `2015/2016`, `2025-05-26/2025-06-09`: an interval between two such dates.
 *
 * A date covers a span of days (`spanOf`): a month is the whole month, not its first day, so
 * a timeline draws it honestly and two mentions merge when one span holds the other.
 */
export const datePrecisions = ['day', 'month', 'part-of-year', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** One EDTF date or an interval of two (the pattern the corpus schema checks). */
export const EVENT_DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2]|2[1-4]|3[3-9]|4[01])(?:-\d{2})?)?(?:\/\d{4}(?:-(?:0[1-9]|1[0-2]|2[1-4]|3[3-9]|4[01])(?:-\d{2})?)?)?$/;

export interface DateSpan {
  /** First and last day covered, ISO 8601 (YYYY-MM-DD), both inclusive. */
  readonly start: string;
  readonly end: string;
}

/** Sub-year groupings: [first month, last month] (a winter runs into the next year). */
const SUB_YEAR: Readonly<Record<number, readonly [number, number, string]>> = {
  21: [3, 5, 'spring'],
  22: [6, 8, 'summer'],
  23: [9, 11, 'autumn'],
  24: [12, 14, 'winter'],
  33: [1, 3, 'first quarter of'],
  34: [4, 6, 'second quarter of'],
  35: [7, 9, 'third quarter of'],
  36: [10, 12, 'fourth quarter of'],
  37: [1, 4, 'early'],
  38: [5, 8, 'mid-'],
  39: [9, 12, 'late'],
  40: [1, 6, 'first half of'],
  41: [7, 12, 'second half of'],
};

/** The sub-year groupings as a person names them (code 39: "late"), for forms that offer them. */
export function subYearGroupings(): Array<{ code: number; words: string }> {
  return Object.entries(SUB_YEAR).map(([code, [, , words]]) => ({ code: Number(code), words }));
}

/** The grouping codes for words the papers use: "late 2013" is 2013-39. */
export const PART_OF_YEAR_CODES: Readonly<Record<string, number>> = {
  spring: 21,
  summer: 22,
  autumn: 23,
  fall: 23,
  winter: 24,
  early: 37,
  start: 37,
  beginning: 37,
  mid: 38,
  middle: 38,
  late: 39,
  end: 39,
  'first half': 40,
  'second half': 41,
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO day `YYYY-MM-DD` for a month that may run past December (winter). */
function day(year: number, month: number, dayOfMonth: number | 'last'): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${pad(y, 4)}-${pad(m)}-${pad(dayOfMonth === 'last' ? lastDayOf(y, m) : dayOfMonth)}`;
}

function singleSpan(date: string): DateSpan {
  const [yearText, second, third] = date.split('-');
  const year = Number(yearText);
  if (second === undefined) return { start: day(year, 1, 1), end: day(year, 12, 'last') };
  const code = Number(second);
  if (code > 12) {
    const [first, last] = SUB_YEAR[code] ?? [1, 12];
    return { start: day(year, first, 1), end: day(year, last, 'last') };
  }
  if (third === undefined) return { start: day(year, code, 1), end: day(year, code, 'last') };
  return { start: date, end: date };
}

export function spanOf(date: string): DateSpan {
  const [from, to] = date.split('/');
  const start = singleSpan(from as string);
  return to === undefined ? start : { start: start.start, end: singleSpan(to).end };
}

export function precisionOf(date: string): DatePrecision {
  const first = date.split('/')[0] as string;
  const parts = first.split('-');
  if (parts.length === 3) return 'day';
  if (parts.length === 1) return 'year';
  return Number(parts[1]) > 12 ? 'part-of-year' : 'month';
}

export function isValidEventDate(date: string): boolean {
  if (!EVENT_DATE_PATTERN.test(date)) return false;
  const [from, to] = date.split('/');
  for (const part of [from, to]) {
    if (part === undefined) continue;
    const [y, m, d] = part.split('-').map(Number);
    if (d !== undefined && (d < 1 || d > lastDayOf(y as number, m as number))) return false;
  }
  const span = spanOf(date);
  return span.start <= span.end;
}

/** Days covered, for ordering mentions from the most to the least precise. */
export function spanDays(date: string): number {
  const { start, end } = spanOf(date);
  return Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
}

/** True when one date's span holds the other's: "2023", "2023-09" and "2023-09-24" can be one event. */
export function nested(a: string, b: string): boolean {
  const x = spanOf(a);
  const y = spanOf(b);
  return (x.start <= y.start && y.end <= x.end) || (y.start <= x.start && x.end <= y.end);
}

export function overlaps(date: string, from: string | undefined, to: string | undefined): boolean {
  const span = spanOf(date);
  return (from === undefined || span.end >= from) && (to === undefined || span.start <= to);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function labelOne(date: string): string {
  const [yearText, second, third] = date.split('-');
  if (second === undefined) return yearText as string;
  const code = Number(second);
  if (code > 12) {
    const word = SUB_YEAR[code]?.[2] ?? '';
    return word.endsWith('-') ? `${word}${yearText}` : `${word} ${yearText}`;
  }
  const month = MONTH_NAMES[code - 1] as string;
  return third === undefined ? `${month} ${yearText}` : `${Number(third)} ${month} ${yearText}`;
}

/** "24 September 2023", "September 2023", "late 2013", "2015–2016", "26 May – 9 June 2025". */
export function formatEventDate(date: string): string {
  const [from, to] = date.split('/');
  if (to === undefined) return labelOne(from as string);
  const [a, b] = [labelOne(from as string), labelOne(to)];
  // Same year on both sides: say it once ("19–22 September 2024", "26 May – 9 June 2025").
  const year = (from as string).slice(0, 4);
  if (to.startsWith(year) && precisionOf(from as string) !== 'year') {
    const shortA = a.replace(new RegExp(`\\s${year}$`), '');
    if (precisionOf(from as string) === 'day' && from?.slice(0, 7) === to.slice(0, 7)) return `${shortA.split(' ')[0]}–${b}`;
    return `${shortA} – ${b}`;
  }
  return /^\d{4}$/.test(a) && /^\d{4}$/.test(b) ? `${a}–${b}` : `${a} – ${b}`;
}

/**
 * The plain ISO 8601 form of a date, as precise as ISO allows without EDTF: an interval gives
 * its start, a part of a year its year ("2013-39" -> "2013"). For readers of dates that predate
 * the EDTF forms (a document's inferred year).
 */
export function isoPartialDate(date: string): string {
  const first = date.split('/')[0] as string;
  const [year, second] = first.split('-');
  return second !== undefined && Number(second) > 12 ? (year as string) : first;
}
