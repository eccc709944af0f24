import { describe, expect, it } from 'vitest';
import { detectMentions } from '../../../electron/core/corpus/entities/index';
import { extractEvents, findDates, isAcceptableTitle, MAX_TITLE } from '../../../electron/core/corpus/events/index';
import { EventSchema, type CorpusEvent, type Passage } from '../../../electron/core/corpus/schema';
import { DOC, seedCorpus } from './seed-events';

const { passages, entities, mentions, events } = seedCorpus();
const passageById = new Map(passages.map((p) => [p.id, p]));
const papersOf = (event: CorpusEvent) => event.sources.map((s) => s.docId).sort();

describe('findDates reads the papers’ dates at their own precision', () => {
  it.each([
    ['before the Sept. 24, 2023, Banjska attack', '2023-09-24'],
    ['attacked Kosovo Police in Banjska on 24 September 2023, killing', '2023-09-24'],
    ['In May 2024, Kosovo was granted', '2024-05'],
    ['in June, 2023 introduced', '2023-06'],
    ['in September of 2025', '2025-09'],
    ['The KSF achieved full operational capability in 2013.', '2013'],
    ['By late 2013, Kosovo Police integrated 287 former Serbian police members.', '2013-39'],
    ['By mid-2025, some estimates suggest', '2025-38'],
    ['At the start of 2022, Kurti announced', '2022-37'],
    ['By late 2025 and early 2026, the EU changed its approach', '2025-39/2026-37'],
    ['deputy minister for European integration (2015-2016), where', '2015/2016'],
    ['in Pristina and Mitrovica, Kosovo, 19 – 22 September 2024.', '2024-09-19/2024-09-22'],
    ['These took place from 26 May to 9 June 2025 alongside', '2025-05-26/2025-06-09'],
    ['the swearing in of their ethnic Albanian replacements in April and May 2023', '2023-04/2023-05'],
    ['the Brussels Agreement (2013) and', '2013'],
    ['the 2018 killing of Kosovo Serb politician Oliver Ivanović', '2018'],
  ])('reads "%s" as %s', (text, date) => {
    expect(findDates(text).map((d) => d.date)).toEqual([date]);
  });

  it('gives a month without a year the year named earlier in the sentence', () => {
    const text = 'At the beginning of 2023, the EU made the Agreement the main focus of talks, followed in March by the Ohrid Implementation Annex.';
    expect(findDates(text).map((d) => d.date)).toEqual(['2023-37', '2023-03']);
    expect(findDates('In 2025, four countries recognized Kosovo, Kenya (March), Sudan (April).').map((d) => d.date)).toEqual(['2025', '2025-03', '2025-04']);
    expect(findDates('Kenya (March) recognized Kosovo.')).toEqual([]);
  });

  it('reads no date in names, ranges of names, citations or impossible days', () => {
    expect(findDates('the Security Strategy 2022-2027 and the Government Programme 2021–2025')).toEqual([]);
    expect(findDates('(Routledge 2022) and Defender Europe 2023')).toEqual([]);
    expect(findDates('in 2022-2027')).toEqual([]);
    expect(findDates('on February 30, 2024')).toEqual([]);
  });
});

/** The one event with this date whose title matches, failing with what there is instead. */
function theEvent(date: string, title: RegExp): CorpusEvent {
  const found = events.filter((e) => e.date === date && title.test(e.title));
  expect(found, `${date} ${title}: ${events.filter((e) => e.date === date).map((e) => e.title).join(' | ')}`).toHaveLength(1);
  return found[0] as CorpusEvent;
}

describe('events of the seed papers', () => {
  it('are schema-valid, with unique ids, ordered by the days they cover', () => {
    expect(events.length).toBeGreaterThan(60);
    for (const e of events) expect(EventSchema.safeParse(e).success, e.id).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const starts = events.map((e) => e.start);
    expect([...starts].sort()).toEqual(starts);
  });

  it('make the Banjska attack of 24 September 2023 one event, with sources in the four papers that speak of it', () => {
    const banjska = events.filter((e) => e.start <= '2023-09-24' && e.end >= '2023-09-24' && /Banjska/.test(e.title));
    expect(banjska.map((e) => e.title)).toHaveLength(1);
    const event = banjska[0] as CorpusEvent;
    expect(event).toMatchObject({ date: '2023-09-24', precision: 'day', kind: 'security-incident' });
    expect(event.entityIds).toContain('banjska-attack');
    expect(papersOf(event)).toEqual([DOC.priorities, DOC.crisis, DOC.trust, DOC.discussion].sort());
    // "the Banjska terrorist attack in 2023" and "in Banjska in September 2023" are this event, not others.
    expect(events.filter((e) => e.entityIds.includes('banjska-attack') && /Banjska/.test(e.title))).toEqual([event]);
    // Every source quotes a sentence that names Banjska.
    for (const source of event.sources) {
      expect(source.quotes.some((q) => /Banjska/.test(passageById.get(q.passageId)?.text.slice(q.start, q.end) ?? ''))).toBe(true);
    }
  });

  // [date, precision, papers, title]: what the papers say, each event once.
  const named: Array<[string, CorpusEvent['precision'], string[], RegExp]> = [
    ['2025-07-17', 'day', [DOC.advance], /roundtable/i],
    ['2024-05', 'month', [DOC.priorities, DOC.discussion, DOC.advance], /NATO Parliamentary Assembly/],
    ['2024-01-01', 'day', [DOC.priorities], /[Vv]isa liberali[sz]ation/],
    ['2021-02-01', 'day', [DOC.priorities], /Israel/],
    ['2020-07-27', 'day', [DOC.priorities], /Europol/],
    ['2022-12', 'month', [DOC.priorities], /EU membership/],
    ['2022-05-12', 'day', [DOC.priorities], /Council of Europe/],
    ['2024-11-29', 'day', [DOC.priorities], /Ibër-Lepenc/],
    ['2025-09', 'month', [DOC.priorities], /Strategic Dialogue/],
    ['2023-06', 'month', [DOC.priorities, DOC.trust], /measures/],
    ['2026-03', 'month', [DOC.priorities], /lifting all EU punitive measures/],
    ['2025-03', 'month', [DOC.priorities], /Kenya/],
    ['2025-05-26/2025-06-09', 'day', [DOC.priorities], /Defender Europe/],
    ['2024-09-19/2024-09-22', 'day', [DOC.trust], /RSSEE workshop/],
    ['2015/2016', 'year', [DOC.priorities, DOC.crisis], /[Dd]eputy [Mm]inister for European [Ii]ntegration/],
    ['2013-39', 'part-of-year', [DOC.crisis], /287 former Serbian police members/],
    ['2008-04', 'month', [DOC.priorities, DOC.discussion], /Security Studies/],
    ['2022-02', 'month', [DOC.discussion], /invasion of Ukraine/],
    ['2013', 'year', [DOC.crisis, DOC.trust], /Brussels Agreement/],
    ['2022-07', 'month', [DOC.crisis], /Security Strategy/],
    ['2025-02', 'month', [DOC.priorities], /elections/],
    ['2018', 'year', [DOC.crisis], /Oliver Ivanović/],
    ['2009', 'year', [DOC.discussion], /Albania/],
    ['2023-03', 'month', [DOC.priorities, DOC.trust], /Ohrid/],
  ];
  it.each(named)('%s (%s) in %j: %s', (date, precision, papers, title) => {
    const event = theEvent(date, title);
    expect(event.precision).toBe(precision);
    expect(papersOf(event)).toEqual([...papers].sort());
  });

  it('draw a month as a span and a part of a year as its third', () => {
    expect(theEvent('2022-07', /Security Strategy/)).toMatchObject({ start: '2022-07-01', end: '2022-07-31' });
    expect(theEvent('2013-39', /287/)).toMatchObject({ start: '2013-09-01', end: '2013-12-31' });
    expect(theEvent('2015/2016', /[Dd]eputy/)).toMatchObject({ start: '2015-01-01', end: '2016-12-31' });
  });

  it('keep different events of one sentence apart: the NATO accessions of 1952, 1955 and 1982', () => {
    expect(theEvent('1952', /Türkiye/).title).toBe('Türkiye joined NATO');
    expect(theEvent('1982', /Spain/).title).toBe('Spain joined NATO');
    expect(events.filter((e) => e.date.startsWith('2025-') && /recogni/.test(e.title)).map((e) => e.date).sort()).toEqual(['2025-03', '2025-04', '2025-10', '2025-12']);
  });

  it('have titles that are noun phrases or clauses, never cut sentences', () => {
    const names = new Map(entities.map((e) => [e.name.toLowerCase(), e.type]));
    for (const e of events) {
      expect(isAcceptableTitle(e.title), e.title).toBe(true);
      expect(e.title.length).toBeLessThanOrEqual(MAX_TITLE);
      expect(e.title).not.toMatch(/…|\.\.\.|\s(?:the|of|and|to|a|an|in|with)$/i);
      // "Poland" is a place, not an event.
      expect(['place', 'person', 'organisation']).not.toContain(names.get(e.title.toLowerCase()));
      // Where a title is the start of one of its sentences, it stops where a phrase ends, not inside one.
      for (const source of e.sources) {
        for (const q of source.quotes) {
          const sentence = passageById.get(q.passageId)?.text.slice(q.start, q.end) ?? '';
          const at = sentence.indexOf(e.title);
          if (at !== 0) continue;
          const next = sentence.slice(e.title.length);
          expect(next, `${e.title} | ${next.slice(0, 40)}`).toMatch(/^(?:$|[.,;:!?)]|\s\(|\s(?:to|which|that|who|when|where|while|after|before|following|in|on|at|for|from|with|by|as|during|near|alongside|under|through|into|against|over|between|since|until|and)\b)/);
        }
      }
    }
  });

  it('take no dates from footnotes (publication dates) nor interview attributions', () => {
    const footnoteIds = new Set(passages.filter((p) => p.kind === 'footnote').map((p) => p.id));
    expect(events.filter((e) => e.sources.some((s) => s.passageIds.some((id) => footnoteIds.has(id))))).toEqual([]);
    expect(events.filter((e) => /Interview with/.test(e.title))).toEqual([]);
  });

  it('quote sentences of their passages, one source per paper', () => {
    for (const e of events) {
      expect(new Set(e.sources.map((s) => s.docId)).size).toBe(e.sources.length);
      for (const source of e.sources) {
        for (const q of source.quotes) {
          const passage = passageById.get(q.passageId) as Passage;
          expect(passage.docId).toBe(source.docId);
          expect(source.passageIds).toContain(q.passageId);
          expect(q.end).toBeGreaterThan(q.start);
          expect(q.end).toBeLessThanOrEqual(passage.text.length);
        }
      }
    }
  });

  it('give the same ids when run again', () => {
    expect(extractEvents(passages, mentions, entities).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });
});

describe('events of constructed passages', () => {
  const passage = (id: string, docId: string, text: string): Passage => ({
    id, docId, sectionPath: [], kind: 'paragraph', text, page: 1, order: 0, footnoteRefs: [], links: [], backMatter: false,
  });
  const extract = (ps: Passage[]) => extractEvents(ps, detectMentions(ps, entities), entities);

  it('merge the same event across papers, a day-precise mention with a month-precise one, and keep other events apart', () => {
    const found = extract([
      passage('a', 'paper-a', 'In May 2024, Kosovo was granted associate membership in the NATO Parliamentary Assembly.'),
      passage('b', 'paper-b', 'The NATO PA upgraded Kosovo on 30 May 2024 from observer status to associate membership.'),
      passage('c', 'paper-b', 'In May 2024, Kenya opened an embassy.'),
    ]);
    const nato = found.find((e) => e.sources.length === 2);
    expect(nato).toMatchObject({ date: '2024-05-30', precision: 'day' });
    expect(nato?.sources.map((s) => s.docId)).toEqual(['paper-a', 'paper-b']);
    expect(found.filter((e) => e !== nato).map((e) => e.title)).toEqual(['Kenya opened an embassy']);
  });

  it('do not merge two events of one month that name different countries', () => {
    const found = extract([
      passage('a', 'paper-a', 'In March 2025, Kenya recognized Kosovo.'),
      passage('b', 'paper-a', 'In March 2025, Israel recognized Kosovo.'),
    ]);
    expect(found.map((e) => e.title).sort()).toEqual(['Israel recognized Kosovo', 'Kenya recognized Kosovo']);
  });

  it('title a date by its own clause, not by a comment on it or another clause of the sentence', () => {
    const found = extract([
      passage('a', 'paper-a', 'In August 2024, KFOR asked the government not to act alone, and NATO had reminded everyone in June 2023 that obligations matter.'),
      passage('b', 'paper-a', 'Serbia closed police stations in July 2013, handing over equipment under a verification process.'),
    ]);
    expect(found.map((e) => [e.date, e.title])).toEqual([
      ['2013-07', 'Serbia closed police stations'],
      ['2023-06', 'NATO had reminded everyone that obligations matter'],
      ['2024-08', 'KFOR asked the government not to act alone'],
    ]);
  });
});
