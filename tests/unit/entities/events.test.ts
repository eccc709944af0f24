import { describe, expect, it } from 'vitest';
import { detectMentions, loadEntityCatalogue } from '../../../electron/core/corpus/entities/index';
import { extractEvents, findDates } from '../../../electron/core/corpus/events/index';
import { EventSchema, type CorpusEvent, type Passage } from '../../../electron/core/corpus/schema';
import { allSeedPassages, SEEDS_DIR } from './seed-paragraphs';

const passages = allSeedPassages();
const entities = loadEntityCatalogue(SEEDS_DIR);
const mentions = detectMentions(passages, entities);
const events = extractEvents(passages, mentions, entities);
const passageById = new Map(passages.map((p) => [p.id, p]));

function eventsWith(entityId: string): CorpusEvent[] {
  return events.filter((e) => e.entityIds.includes(entityId));
}

describe('findDates', () => {
  it.each([
    ['before the Sept. 24, 2023, Banjska attack', '2023-09-24'],
    ['the November 29, 2024, explosion', '2024-11-29'],
    ['attacked Kosovo Police in Banjska on 24 September 2023, killing', '2023-09-24'],
    ['In May 2024, Kosovo was granted', '2024-05'],
    ['in June, 2023 introduced', '2023-06'],
    ['in September of 2025', '2025-09'],
    ['in March, of 2026, participants', '2026-03'],
    ['in Pristina and Mitrovica, Kosovo, 19 – 22 September 2024.', '2024-09-19'],
    ['from 26 May to 9 June 2025 alongside', '2025-05-26'],
    ['The KSF achieved full operational capability in 2013.', '2013'],
    ['a survey conducted in early 2023 by', '2023'],
  ])('reads "%s" as %s', (text, date) => {
    expect(findDates(text).map((d) => d.date)).toEqual([date]);
  });

  it('skips bare years that are names or ranges, not events', () => {
    expect(findDates('the Security Strategy 2022-2027 and the Government Programme 2021–2025')).toEqual([]);
    expect(findDates('the 2025 country report (Routledge 2022)')).toEqual([]);
    expect(findDates('in 2022-2027')).toEqual([]);
  });

  it('rejects impossible days', () => {
    expect(findDates('on February 30, 2024')).toEqual([]);
  });
});

describe('extractEvents on the seed papers', () => {
  it('produces schema-valid events with unique ids, sorted by date', () => {
    expect(events.length).toBeGreaterThan(40);
    for (const e of events) expect(EventSchema.safeParse(e).success).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const dates = events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('dates the Banjska attack 2023-09-24 and merges its passages across papers', () => {
    const banjska = events.filter((e) => e.date === '2023-09-24' && e.entityIds.includes('banjska-attack'));
    expect(banjska).toHaveLength(1);
    const event = banjska[0] as CorpusEvent;
    expect(event.title).toBe('Banjska attack');
    const docs = new Set(event.passageIds.map((id) => passageById.get(id)?.docId));
    expect(docs.has('seed-000')).toBe(true);
    expect(docs.has('seed-001')).toBe(true);
    // "the Banjska terrorist attack in 2023" is the same event, not a separate 2023 one.
    expect(eventsWith('banjska-attack').map((e) => e.date)).toEqual(['2023-09-24']);
  });

  it('finds the dated events the briefs name', () => {
    const byDate = (date: string) => events.filter((e) => e.date === date);
    expect(byDate('2024-05').some((e) => e.entityIds.includes('nato-pa') && /associate member/.test(e.title))).toBe(true);
    expect(byDate('2025-07-17').some((e) => /roundtable/.test(e.title) && e.passageIds.length === 2)).toBe(true);
    expect(byDate('2024-11-29').some((e) => e.entityIds.includes('iber-lepenc-canal'))).toBe(true);
    expect(byDate('2022-07').some((e) => e.entityIds.includes('kosovo-security-strategy'))).toBe(true);
    expect(byDate('2022-02').some((e) => e.entityIds.includes('russian-invasion-of-ukraine'))).toBe(true);
  });

  it('takes no dates from footnotes (publication dates) nor interview attributions', () => {
    const footnoteIds = new Set(passages.filter((p) => p.kind === 'footnote').map((p) => p.id));
    expect(events.filter((e) => e.passageIds.some((id) => footnoteIds.has(id)))).toEqual([]);
    const texts = events.flatMap((e) => e.passageIds.map((id) => passageById.get(id)?.text ?? ''));
    expect(events.every((e) => !/Interview with/.test(e.title))).toBe(true);
    expect(texts.length).toBeGreaterThan(0);
  });

  it('gives the same ids when run again', () => {
    expect(extractEvents(passages, mentions, entities).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('still finds dated events without entity types, titled by their clause', () => {
    const untyped = extractEvents(passages, mentions);
    const banjska = untyped.find((e) => e.date === '2023-09-24');
    expect(banjska?.entityIds).toContain('banjska-attack');
  });
});

describe('extractEvents on constructed passages', () => {
  const passage = (id: string, text: string): Passage => ({
    id, docId: 'd', sectionPath: [], kind: 'paragraph', text, page: 1, order: 0, footnoteRefs: [], links: [], backMatter: false,
  });

  it('merges the same event found in two passages and keeps separate events apart', () => {
    const ps = [
      passage('a', 'In May 2024, Kosovo was granted associate membership in the NATO Parliamentary Assembly.'),
      passage('b', 'The NATO PA upgraded Kosovo in May 2024 from observer status.'),
      passage('c', 'In May 2024, Kenya opened talks.'),
    ];
    const found = extractEvents(ps, detectMentions(ps, entities), entities);
    const may = found.filter((e) => e.date === '2024-05');
    expect(may.map((e) => e.passageIds)).toEqual(expect.arrayContaining([['a', 'b'], ['c']]));
    expect(may.find((e) => e.passageIds.includes('a'))?.title).toBe('Kosovo was granted associate membership in the NATO Parliamentary Assembly');
  });

  it('names an event by the entity next to its date, not by one that came before it', () => {
    const ps = [
      passage('a', 'Israel established diplomatic relations with Kosovo in 2021 after the Washington agreement.'),
      passage('b', 'Kosovo in July 2022 approved the Security Strategy 2022-2027.'),
    ];
    const found = extractEvents(ps, detectMentions(ps, entities), entities);
    expect(found.map((e) => [e.date, e.title])).toEqual([
      ['2021', 'Israel established diplomatic relations with Kosovo after the Washington agreement'],
      ['2022-07', 'Security Strategy 2022-2027'],
    ]);
  });

  it('titles each dated clause of a sentence by its own clause', () => {
    const ps = [passage('a', 'In August 2024, KFOR asked the government not to act alone, and NATO had reminded everyone in June 2023 that obligations matter.')];
    const found = extractEvents(ps, detectMentions(ps, entities), entities);
    expect(found.map((e) => [e.date, e.title])).toEqual([
      ['2023-06', 'NATO had reminded everyone that obligations matter'],
      ['2024-08', 'KFOR asked the government not to act alone'],
    ]);
  });
});
