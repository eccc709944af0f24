import { describe, expect, it } from 'vitest';
import { applyEventEdits } from '../../../electron/core/corpus/events/index';
import { EventSchema, type CorpusEvent } from '../../../electron/core/corpus/schema';
import { DOC, seedCorpus } from './seed-events';

const { events } = seedCorpus();
const banjska = events.find((e) => e.date === '2023-09-24' && /Banjska/.test(e.title)) as CorpusEvent;
const kenya = events.find((e) => e.date === '2025-03' && /Kenya/.test(e.title)) as CorpusEvent;

describe('applyEventEdits over the extracted events', () => {
  it('splits a merge, keeps the rest, and changes nothing it was given', () => {
    const before = JSON.stringify(events);
    const trustPassages = banjska.sources.find((s) => s.docId === DOC.trust)?.passageIds ?? [];
    const { events: after, skipped } = applyEventEdits(events, [{ type: 'split', eventId: banjska.id, passageIds: trustPassages, newEventId: 'event-user-1', title: 'Security incident in Banjska', date: '2023-09' }]);
    expect(skipped).toEqual([]);
    const split = after.find((e) => e.id === 'event-user-1') as CorpusEvent;
    expect(split).toMatchObject({ date: '2023-09', precision: 'month', start: '2023-09-01', end: '2023-09-30' });
    expect(split.sources.map((s) => s.docId)).toEqual([DOC.trust]);
    expect(after.find((e) => e.id === banjska.id)?.sources.map((s) => s.docId)).not.toContain(DOC.trust);
    expect(after).toHaveLength(events.length + 1);
    for (const e of after) expect(EventSchema.safeParse(e).success).toBe(true);
    expect(JSON.stringify(events)).toBe(before);
  });

  it('merges events, redates, retitles and adds one from an annotation, in order', () => {
    const added = { id: 'event-user-2', date: '2025-04', title: 'Sudan recognizes Kosovo', kind: 'diplomatic' as const, entityIds: [], sources: kenya.sources };
    const { events: after, skipped } = applyEventEdits(events, [
      { type: 'add', event: added },
      { type: 'merge', eventIds: [kenya.id, 'event-user-2'], title: 'Kenya and Sudan recognize Kosovo' },
      { type: 'redate', eventId: kenya.id, date: '2025-03/2025-04' },
    ]);
    expect(skipped).toEqual([]);
    const merged = after.find((e) => e.id === kenya.id);
    expect(merged).toMatchObject({ title: 'Kenya and Sudan recognize Kosovo', date: '2025-03/2025-04', start: '2025-03-01', end: '2025-04-30' });
    expect(after.some((e) => e.id === 'event-user-2')).toBe(false);
    expect(after.map((e) => e.start)).toEqual([...after.map((e) => e.start)].sort());
  });

  it('skips, and says why, edits whose event is gone or whose date is not one', () => {
    const { events: after, skipped } = applyEventEdits(events, [
      { type: 'redate', eventId: 'event-gone', date: '2020' },
      { type: 'redate', eventId: kenya.id, date: 'March 2025' },
      { type: 'remove', eventId: kenya.id },
    ]);
    expect(skipped).toEqual([
      { index: 0, reason: 'no event event-gone' },
      { index: 1, reason: 'not a date: March 2025' },
    ]);
    expect(after.some((e) => e.id === kenya.id)).toBe(false);
  });
});
