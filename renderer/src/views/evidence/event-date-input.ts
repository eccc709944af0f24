import { useEffect, useRef, useState } from 'react';
import type { DateEnd, DateReading } from '../../../../electron/core/evidence/index';
import { api } from '../../api/client';

/**
 * The date of an event as a person enters it: a year, a part of a year ("late 2013"), a month,
 * a day, or a range of two dates. The form only assembles the text; core reads it
 * (`evidence.readDate`, the reader the corpus build uses for the papers' dates), so the rules
 * of what is a date, and the codes of parts of years, live in core alone.
 */
export const datePrecisionChoices = ['year', 'part', 'month', 'day', 'range'] as const;
export type DatePrecisionChoice = (typeof datePrecisionChoices)[number];

export interface DateDraft {
  precision: DatePrecisionChoice;
  year: string;
  /** The words of a part of the year as core lists them (`evidence.dateParts`): "late", "mid-". */
  part: string;
  /** 1–12 as text, '' for none chosen. */
  month: string;
  day: string;
  /** For a range: each end as typed (2015, 2015-03, 2015-03-02, late 2024). */
  from: string;
  to: string;
}

export const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

export const emptyDateDraft: DateDraft = { precision: 'day', year: '', part: '', month: '', day: '', from: '', to: '' };

const pad = (n: number) => String(n).padStart(2, '0');

/** "late 2013", "mid-2013": a part written before its year, as core reads it. */
export const partText = (part: string, year: string) => (part.endsWith('-') ? `${part}${year}` : `${part} ${year}`);

/** The text the draft stands for, for core to read, or which field is still empty. */
export function draftText(draft: DateDraft): { text: string } | { error: string } {
  if (draft.precision === 'range') {
    const from = draft.from.trim();
    const to = draft.to.trim();
    if (!from || !to) return { error: 'A range needs both ends: from and to, each as 2015, 2015-03, 2015-03-02 or late 2015.' };
    return { text: `${from}/${to}` };
  }
  const year = draft.year.trim();
  if (!/^\d{4}$/.test(year)) return { error: 'Enter the year as four digits, such as 2023.' };
  if (draft.precision === 'year') return { text: year };
  if (draft.precision === 'part') return draft.part ? { text: partText(draft.part, year) } : { error: 'Choose the part of the year.' };
  const month = Number(draft.month);
  if (!Number.isInteger(month) || month < 1 || month > 12) return { error: 'Choose the month.' };
  if (draft.precision === 'month') return { text: `${year}-${pad(month)}` };
  const day = draft.day.trim();
  if (!/^\d{1,2}$/.test(day)) return { error: 'Enter the day of the month as a number, such as 24.' };
  return { text: `${year}-${pad(month)}-${pad(Number(day))}` };
}

/** The date core makes of the draft (EDTF and how it reads), or what is wrong, in core's words. */
export async function readDraft(draft: DateDraft): Promise<{ reading: DateReading } | { error: string }> {
  const composed = draftText(draft);
  if ('error' in composed) return composed;
  try {
    return { reading: (await api.invoke('evidence.readDate', { text: composed.text }))! };
  } catch (failure) {
    return { error: (failure as Error).message };
  }
}

function endText(end: DateEnd): string {
  if (end.part) return partText(end.part, end.year);
  if (end.month === undefined) return end.year;
  return end.day === undefined ? `${end.year}-${pad(end.month)}` : `${end.year}-${pad(end.month)}-${pad(end.day)}`;
}

/** The form's fields for a date as core read it, so a correction starts from what is there. */
export function draftFromReading(reading: DateReading): DateDraft {
  const [first, second] = reading.ends;
  if (!first) return emptyDateDraft;
  if (second) return { ...emptyDateDraft, precision: 'range', year: first.year, from: endText(first), to: endText(second) };
  if (first.part) return { ...emptyDateDraft, precision: 'part', year: first.year, part: first.part };
  if (first.month === undefined) return { ...emptyDateDraft, precision: 'year', year: first.year };
  if (first.day === undefined) return { ...emptyDateDraft, precision: 'month', year: first.year, month: String(first.month) };
  return { ...emptyDateDraft, precision: 'day', year: first.year, month: String(first.month), day: String(first.day) };
}

/**
 * A date form's state, started from a date core reads (an event's date, or the most precise
 * date a quote gives): the fallback shows at once and is replaced when core answers, unless the
 * person has already changed it.
 */
export function useDateDraft(start: { text: string; within?: boolean } | undefined, fallback: DateDraft): [DateDraft, (draft: DateDraft) => void] {
  const [draft, setDraft] = useState(fallback);
  const touched = useRef(false);
  const key = start ? `${start.within ? 'in' : 'is'}:${start.text}` : '';
  useEffect(() => {
    if (!start) return;
    let current = true;
    api.invoke('evidence.readDate', start).then(
      (reading) => {
        if (current && reading && !touched.current) setDraft(draftFromReading(reading));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
    // The key names the start; a new object with the same text asks nothing again.
  }, [key]);
  return [
    draft,
    (next) => {
      touched.current = true;
      setDraft(next);
    },
  ];
}
