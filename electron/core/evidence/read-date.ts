import { WorkbenchError } from '../api/errors';
import { findDates, formatEventDate, isValidEventDate, precisionOf, spanOf, subYearGroupings, type DatePrecision } from '../corpus/events/index';

/** One end of a date as a form shows it: a year, and a month and day, or a part of the year. */
export interface DateEnd {
  year: string;
  /** 1–12. */
  month?: number;
  day?: number;
  /** The words of a part of the year, as `evidence.dateParts` lists them: "late", "first half of". */
  part?: string;
}

/** A date a person typed, as core reads it: the EDTF kept, how it reads, the days it covers. */
export interface DateReading {
  date: string;
  /** "late 2013", "24 September 2023", "2015–2016". */
  label: string;
  precision: DatePrecision;
  /** First and last day covered (ISO). */
  start: string;
  end: string;
  /** One end, or two for a range. */
  ends: DateEnd[];
}

/** A part of a year a form can offer, in the words core reads back. */
export interface DatePart {
  /** "late", "mid-", "first half of": written before the year ("mid-" joined to it). */
  part: string;
  /** "Late (September–December)". */
  label: string;
}

const HOW_TO_WRITE = 'Write it as 2023, September 2023, 24 September 2023, a part of a year (early, mid- or late 2013, first half of 2013, spring 2013) or a range (2015/2016, late 2024/early 2025).';
const EDTF_ONE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const groupings = subYearGroupings();
const joined = (part: string, year: string) => (part.endsWith('-') ? `${part}${year}` : `${part} ${year}`);

/** One date, EDTF or as the papers write it ("late 2013", "Sept. 24, 2023"); undefined when it is not one. */
function readOne(text: string): string | undefined {
  const trimmed = text.trim().replace(/[,;]$/, '');
  if (EDTF_ONE.test(trimmed) || /^\d{4}-\d{2}(?:-\d{2})?\/\d{4}/.test(trimmed)) return isValidEventDate(trimmed) ? trimmed : undefined;
  // The whole text must be one expression: "late 2013", not "late 2013 or so".
  const whole = findDates(trimmed).find((found) => found.start === 0 && found.end === trimmed.length);
  return whole?.date;
}

/** Why an EDTF-looking date is not one, when the reason can be said more precisely. */
function whyNot(text: string): string | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (day) {
    const [year, month, dayOfMonth] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (month < 1 || month > 12) return `“${text}” has no month ${month}.`;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${MONTHS[month - 1]} ${year} has no day ${dayOfMonth}: it has ${last} days.`;
  }
  return undefined;
}

function endOf(edtf: string): DateEnd {
  const [year = '', second, third] = edtf.split('-');
  if (second === undefined) return { year };
  const code = Number(second);
  if (code > 12) {
    const part = groupings.find((g) => g.code === code)?.words;
    return { year, ...(part ? { part } : {}) };
  }
  return { year, month: code, ...(third !== undefined ? { day: Number(third) } : {}) };
}

function reading(date: string): DateReading {
  const { start, end } = spanOf(date);
  return { date, label: formatEventDate(date), precision: precisionOf(date), start, end, ends: date.split('/').map(endOf) };
}

/**
 * Reads a date a person typed, the way the corpus build reads the papers' dates (one reader,
 * used by the CLI, the API and the timeline's forms alike). Refuses what is not a date with
 * what to write instead.
 */
export function readDate(text: string): DateReading {
  const whole = readOne(text);
  if (whole) return reading(whole);
  const sides = text.split(/\s*\/\s*|\s*[–—]\s*|\s+-\s+|\s+to\s+/);
  if (sides.length === 2) {
    const [from, to] = sides.map(readOne);
    if (!from || !to) {
      const bad = (from ? sides[1] : sides[0])!.trim();
      throw new WorkbenchError('BAD_REQUEST', `“${bad}” is not a date: ${whyNot(bad) ?? HOW_TO_WRITE}`);
    }
    if (from === to) return reading(from);
    if (spanOf(to).end < spanOf(from).start) throw new WorkbenchError('BAD_REQUEST', `The range “${text.trim()}” ends before it starts.`);
    if (from.includes('/') || to.includes('/')) throw new WorkbenchError('BAD_REQUEST', `“${text.trim()}” has more than two ends. ${HOW_TO_WRITE}`);
    return reading(`${from}/${to}`);
  }
  throw new WorkbenchError('BAD_REQUEST', `“${text.trim()}” is not a date the timeline can place. ${whyNot(text) ?? HOW_TO_WRITE}`);
}

/** The most precise date a sentence gives ("the attack of 24 September 2023"), for a form to start from; null when none. */
export function findDateIn(text: string): DateReading | null {
  const found = findDates(text).sort((a, b) => days(a.date) - days(b.date) || a.start - b.start)[0];
  if (found) return reading(found.date);
  // A bare year is a weak hint, but a better start than an empty field.
  const year = /\b(19[5-9]\d|20\d\d)\b/.exec(text);
  return year ? reading(year[1]!) : null;
}

function days(date: string): number {
  const { start, end } = spanOf(date);
  return Date.parse(end) - Date.parse(start);
}

/** The parts of a year core reads back from their words ("late 2013" is 2013-39), with the months each covers. */
export function dateParts(): DatePart[] {
  return groupings
    .filter(({ code, words }) => readOne(joined(words, '2001')) === `2001-${code}`)
    .map(({ code, words }) => {
      const { start, end } = spanOf(`2001-${code}`);
      const months = `${MONTHS[Number(start.slice(5, 7)) - 1]}–${MONTHS[Number(end.slice(5, 7)) - 1]}`;
      const name = words.charAt(0).toUpperCase() + words.slice(1);
      return { part: words, label: `${name.replace(/-$/, '')} (${months})` };
    });
}

