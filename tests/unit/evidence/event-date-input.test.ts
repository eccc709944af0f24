/** The timeline's date form (renderer) says what core's `isValidEventDate` says, in words a person reads. */
import { describe, expect, it } from 'vitest';
import { isValidEventDate } from '../../../electron/core/corpus/events/index';
import { composeDate, draftFromDate, emptyDateDraft, formatDate, guessDraft, isEventDate } from '../../../renderer/src/views/evidence/event-date-input';
import { describeEdit, eventIdsOf } from '../../../renderer/src/views/evidence/edit-description';

describe('the date form of an event correction', () => {
  it('makes the EDTF date of each precision', () => {
    expect(composeDate({ ...emptyDateDraft, precision: 'year', year: '2023' })).toEqual({ date: '2023' });
    expect(composeDate({ ...emptyDateDraft, precision: 'month', year: '2023', month: '9' })).toEqual({ date: '2023-09' });
    expect(composeDate({ ...emptyDateDraft, precision: 'day', year: '2023', month: '9', day: '24' })).toEqual({ date: '2023-09-24' });
    expect(composeDate({ ...emptyDateDraft, precision: 'range', from: '2015', to: '2016' })).toEqual({ date: '2015/2016' });
    expect(composeDate({ ...emptyDateDraft, precision: 'range', from: '2025-05-26', to: '2025-06-09' })).toEqual({ date: '2025-05-26/2025-06-09' });
    for (const date of ['2023', '2023-09', '2023-09-24', '2015/2016', '2025-05-26/2025-06-09']) {
      const composed = composeDate(draftFromDate(date));
      expect(composed).toEqual({ date });
      expect(isValidEventDate(date)).toBe(true);
    }
  });

  it('says what is wrong instead of saving a date core would refuse', () => {
    const bad = [
      { ...emptyDateDraft, precision: 'year' as const, year: '23' },
      { ...emptyDateDraft, precision: 'month' as const, year: '2023', month: '' },
      { ...emptyDateDraft, precision: 'day' as const, year: '2023', month: '2', day: '30' },
      { ...emptyDateDraft, precision: 'day' as const, year: '2023', month: '2', day: 'x' },
      { ...emptyDateDraft, precision: 'range' as const, from: '2016', to: '2015' },
      { ...emptyDateDraft, precision: 'range' as const, from: '2015-13', to: '2016' },
      { ...emptyDateDraft, precision: 'range' as const, from: '2015', to: '' },
    ];
    for (const draft of bad) expect(composeDate(draft)).toHaveProperty('error');
    expect(composeDate(bad[2]!)).toEqual({ error: 'February 2023 has no day 30: it has 28 days.' });
    expect(composeDate(bad[4]!)).toEqual({ error: 'The range ends before it starts.' });
  });

  it('agrees with core on which dates the timeline can place', () => {
    const samples = ['2023', '2023-09', '2023-09-24', '2023-02-29', '2024-02-29', '2023-13', '2013-39', '2013-42', '2023-00', '2023-09-31', '2015/2016', '2016/2015', '2013-39/2014', '2023-09-24/2023-09-20', '202', '2023-9', 'x2023', '2023/2024/2025'];
    for (const date of samples) expect([date, isEventDate(date)]).toEqual([date, isValidEventDate(date)]);
  });

  it('reads the most precise date an annotated sentence gives, and prints dates as people read them', () => {
    expect(guessDraft('On 24 September 2023, a group of armed Serbs attacked')).toMatchObject({ precision: 'day', year: '2023', month: '9', day: '24' });
    expect(guessDraft('Sept. 24, 2023 saw the attack')).toMatchObject({ precision: 'day', year: '2023', month: '9', day: '24' });
    expect(guessDraft('in May 2024 the assembly')).toMatchObject({ precision: 'month', year: '2024', month: '5' });
    expect(guessDraft('the agreement of 2013')).toMatchObject({ precision: 'year', year: '2013' });
    expect(guessDraft('no date here')).toBeUndefined();
    expect(formatDate('2023-09-24')).toBe('24 September 2023');
    expect(formatDate('2023-09')).toBe('September 2023');
    expect(formatDate('2013-39')).toBe('late 2013');
    expect(formatDate('2015/2016')).toBe('2015 – 2016');
  });

  it('describes each correction and the events it touches', () => {
    const titleOf = (id: string) => ({ 'event-a': 'Banjska attack' })[id];
    expect(describeEdit({ type: 'redate', eventId: 'event-a', date: '2023-09' }, titleOf)).toBe('Date of “Banjska attack” corrected to September 2023');
    expect(eventIdsOf({ type: 'split', eventId: 'event-a', newEventId: 'event-user-1', passageIds: ['p1'], title: 'Other' })).toEqual(['event-a', 'event-user-1']);
    expect(describeEdit({ type: 'merge', eventIds: ['event-a', 'event-b'] }, titleOf)).toBe('2 events merged into “Banjska attack”');
  });
});
