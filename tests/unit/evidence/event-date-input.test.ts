/** The timeline's date form (renderer) only assembles text; core reads it. Checked end to end against core's reader. */
import { describe, expect, it } from 'vitest';
import { dateParts, readDate } from '../../../electron/core/evidence/index';
import { draftFromReading, draftText, emptyDateDraft, partText, type DateDraft } from '../../../renderer/src/views/evidence/event-date-input';
import { describeEdit, eventIdsOf } from '../../../renderer/src/views/evidence/edit-description';

/** What core makes of a draft: its EDTF date, or the reason it is refused. */
function coreRead(draft: DateDraft): string {
  const composed = draftText(draft);
  if ('error' in composed) return `form: ${composed.error}`;
  try {
    return readDate(composed.text).date;
  } catch (failure) {
    return `core: ${(failure as Error).message}`;
  }
}

describe('the date form of an event correction', () => {
  it('makes the date of each precision, a part of a year included, as core reads it', () => {
    expect(coreRead({ ...emptyDateDraft, precision: 'year', year: '2023' })).toBe('2023');
    expect(coreRead({ ...emptyDateDraft, precision: 'part', year: '2013', part: 'late' })).toBe('2013-39');
    expect(coreRead({ ...emptyDateDraft, precision: 'part', year: '2025', part: 'mid-' })).toBe('2025-38');
    expect(coreRead({ ...emptyDateDraft, precision: 'month', year: '2023', month: '9' })).toBe('2023-09');
    expect(coreRead({ ...emptyDateDraft, precision: 'day', year: '2023', month: '9', day: '24' })).toBe('2023-09-24');
    expect(coreRead({ ...emptyDateDraft, precision: 'range', from: '2015', to: '2016' })).toBe('2015/2016');
    expect(coreRead({ ...emptyDateDraft, precision: 'range', from: 'late 2024', to: 'early 2025' })).toBe('2024-39/2025-37');
    // Every part core offers comes back from the form as itself.
    for (const { part } of dateParts()) expect(readDate(partText(part, '2010')).precision).toBe('part-of-year');
  });

  it('starts from the date an event has, and gives it back unchanged', () => {
    for (const date of ['2023', '2013-39', '2025-38', '2013-40', '2023-09', '2023-09-24', '2015/2016', '2025-05-26/2025-06-09', '2024-39/2025-37']) {
      const draft = draftFromReading(readDate(date));
      expect([date, coreRead(draft)]).toEqual([date, date]);
    }
    expect(draftFromReading(readDate('2013-39'))).toMatchObject({ precision: 'part', year: '2013', part: 'late' });
  });

  it('says what is missing in the form, and core says what is wrong with the date', () => {
    expect(coreRead({ ...emptyDateDraft, precision: 'year', year: '23' })).toBe('form: Enter the year as four digits, such as 2023.');
    expect(coreRead({ ...emptyDateDraft, precision: 'month', year: '2023', month: '' })).toBe('form: Choose the month.');
    expect(coreRead({ ...emptyDateDraft, precision: 'part', year: '2023', part: '' })).toBe('form: Choose the part of the year.');
    expect(coreRead({ ...emptyDateDraft, precision: 'range', from: '2015', to: '' })).toMatch(/^form: A range needs both ends/);
    expect(coreRead({ ...emptyDateDraft, precision: 'day', year: '2023', month: '2', day: '30' })).toContain('February 2023 has no day 30: it has 28 days.');
    expect(coreRead({ ...emptyDateDraft, precision: 'range', from: '2016', to: '2015' })).toContain('ends before it starts');
    expect(coreRead({ ...emptyDateDraft, precision: 'range', from: '2015-13', to: '2016' })).toMatch(/^core: “2015-13” is not a date/);
  });

  it('describes each correction and the events it touches, dates as core labels them', () => {
    const titleOf = (id: string) => ({ 'event-a': 'Banjska attack' })[id];
    expect(describeEdit({ edit: { type: 'redate', eventId: 'event-a', date: '2013-39' }, dateLabel: 'late 2013' }, titleOf)).toBe('Date of “Banjska attack” corrected to late 2013');
    expect(eventIdsOf({ type: 'split', eventId: 'event-a', newEventId: 'event-user-1', passageIds: ['p1'], title: 'Other' })).toEqual(['event-a', 'event-user-1']);
    expect(describeEdit({ edit: { type: 'merge', eventIds: ['event-a', 'event-b'] } }, titleOf)).toBe('2 events merged into “Banjska attack”');
    expect(describeEdit({ edit: { type: 'remove', eventId: 'event-gone' }, removed: { title: 'Not an event', dateLabel: '2020' } }, titleOf)).toBe('“Not an event” removed');
  });
});
