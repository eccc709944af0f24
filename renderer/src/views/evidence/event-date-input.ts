/**
 * The date of an event as a person enters it (a year, a month, a day, or a range) and the
 * EDTF string core keeps (`2023`, `2023-09`, `2023-09-24`, `2015/2016`). Checked here so the
 * form can say what is wrong in place; core checks again (`isValidEventDate`), and a unit test
 * keeps the two in agreement.
 */
export const datePrecisionChoices = ['year', 'month', 'day', 'range'] as const;
export type DatePrecisionChoice = (typeof datePrecisionChoices)[number];

export interface DateDraft {
  precision: DatePrecisionChoice;
  year: string;
  /** 1–12 as text, '' for none chosen. */
  month: string;
  day: string;
  /** For a range: each end as YYYY, YYYY-MM or YYYY-MM-DD. */
  from: string;
  to: string;
}

export const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const emptyDateDraft: DateDraft = { precision: 'day', year: '', month: '', day: '', from: '', to: '' };

/** Sub-year groupings core uses (2013-39 is late 2013): first and last month, and how to say it. */
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

/** The first and last day (ISO) one end of a date covers, or undefined when it is not a date. */
function spanOfPart(part: string): { start: string; end: string } | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(part.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { start: `${match[1]}-01-01`, end: `${match[1]}-12-31` };
  const code = Number(match[2]);
  if (code > 12) {
    const grouping = SUB_YEAR[code];
    if (!grouping || match[3] !== undefined) return undefined;
    const day = (month: number, which: 'first' | 'last') => {
      const y = year + Math.floor((month - 1) / 12);
      const m = ((month - 1) % 12) + 1;
      return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(which === 'first' ? 1 : lastDay(y, m))}`;
    };
    return { start: day(grouping[0], 'first'), end: day(grouping[1], 'last') };
  }
  if (code < 1) return undefined;
  if (match[3] === undefined) return { start: `${match[1]}-${match[2]}-01`, end: `${match[1]}-${match[2]}-${pad(lastDay(year, code))}` };
  const dayOfMonth = Number(match[3]);
  if (dayOfMonth < 1 || dayOfMonth > lastDay(year, code)) return undefined;
  return { start: `${match[1]}-${match[2]}-${match[3]}`, end: `${match[1]}-${match[2]}-${match[3]}` };
}

/** True for the dates core accepts: one EDTF date or a range of two. */
export function isEventDate(date: string): boolean {
  const parts = date.split('/');
  if (parts.length > 2) return false;
  const spans = parts.map(spanOfPart);
  if (spans.some((span) => span === undefined)) return false;
  return spans[0]!.start <= spans[spans.length - 1]!.end;
}

/** The EDTF date the draft means, or what is wrong with it, said for the person who typed it. */
export function composeDate(draft: DateDraft): { date: string } | { error: string } {
  const year = draft.year.trim();
  if (draft.precision === 'range') {
    const from = draft.from.trim();
    const to = draft.to.trim();
    if (!from || !to) return { error: 'A range needs both ends: from and to, each as YYYY, YYYY-MM or YYYY-MM-DD.' };
    const start = spanOfPart(from);
    if (!start) return { error: `“${from}” is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD (2015, 2015-03, 2015-03-02).` };
    const end = spanOfPart(to);
    if (!end) return { error: `“${to}” is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD (2016, 2016-11, 2016-11-30).` };
    if (from === to) return { error: 'The range starts and ends on the same date: choose Year, Month or Day instead.' };
    if (end.end < start.start) return { error: 'The range ends before it starts.' };
    return { date: `${from}/${to}` };
  }
  if (!/^\d{4}$/.test(year)) return { error: 'Enter the year as four digits, such as 2023.' };
  if (draft.precision === 'year') return { date: year };
  const month = Number(draft.month);
  if (!Number.isInteger(month) || month < 1 || month > 12) return { error: 'Choose the month.' };
  if (draft.precision === 'month') return { date: `${year}-${pad(month)}` };
  const dayText = draft.day.trim();
  if (!/^\d{1,2}$/.test(dayText)) return { error: 'Enter the day of the month as a number, such as 24.' };
  const day = Number(dayText);
  const last = lastDay(Number(year), month);
  if (day < 1 || day > last) return { error: `${monthNames[month - 1]} ${year} has no day ${day}: it has ${last} days.` };
  return { date: `${year}-${pad(month)}-${pad(day)}` };
}

/** The form's fields for a date core holds, so a correction starts from what is there. */
export function draftFromDate(date: string): DateDraft {
  const [from = '', to] = date.split('/');
  if (to !== undefined) return { ...emptyDateDraft, precision: 'range', year: from.slice(0, 4), from, to };
  const [year = '', month, day] = from.split('-');
  if (month === undefined || Number(month) > 12) return { ...emptyDateDraft, precision: 'year', year };
  if (day === undefined) return { ...emptyDateDraft, precision: 'month', year, month: String(Number(month)) };
  return { ...emptyDateDraft, precision: 'day', year, month: String(Number(month)), day: String(Number(day)) };
}

/** "24 September 2023", "September 2023", "late 2013", "2015–2016": a date as a person reads it. */
export function formatDate(date: string): string {
  const parts = date.split('/');
  if (parts.length === 2) return `${formatDate(parts[0]!)} – ${formatDate(parts[1]!)}`;
  const [year = '', month, day] = date.split('-');
  if (month === undefined) return year;
  const code = Number(month);
  if (code > 12) {
    const words = SUB_YEAR[code]?.[2] ?? '';
    return words.endsWith('-') ? `${words}${year}` : `${words} ${year}`;
  }
  const name = monthNames[code - 1] ?? month;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

const MONTH_WORDS = monthNames.map((name) => name.toLowerCase());
const monthIndex = (word: string) => MONTH_WORDS.findIndex((name) => name.startsWith(word.toLowerCase().replace(/\.$/, '').slice(0, 3)));

/**
 * The most precise date a sentence gives, for a form to start from: "24 September 2023",
 * "September 24, 2023", "in May 2024", "in 2013". Undefined when it gives none.
 */
export function guessDraft(text: string): DateDraft | undefined {
  const month = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
  const dayMonthYear = new RegExp(`\\b(\\d{1,2})\\s+${month}\\s+(\\d{4})\\b`, 'i').exec(text);
  if (dayMonthYear) return dayDraft(dayMonthYear[3]!, dayMonthYear[2]!, dayMonthYear[1]!);
  const monthDayYear = new RegExp(`\\b${month}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (monthDayYear) return dayDraft(monthDayYear[3]!, monthDayYear[1]!, monthDayYear[2]!);
  const monthYear = new RegExp(`\\b${month}\\s+(\\d{4})\\b`, 'i').exec(text);
  if (monthYear) return { ...emptyDateDraft, precision: 'month', year: monthYear[2]!, month: String(monthIndex(monthYear[1]!) + 1) };
  const year = /\b(19[5-9]\d|20\d\d)\b/.exec(text);
  if (year) return { ...emptyDateDraft, precision: 'year', year: year[1]! };
  return undefined;
}

function dayDraft(year: string, monthWord: string, day: string): DateDraft {
  const draft: DateDraft = { ...emptyDateDraft, precision: 'day', year, month: String(monthIndex(monthWord) + 1), day: String(Number(day)) };
  return 'date' in composeDate(draft) ? draft : { ...draft, precision: 'month', day: '' };
}
