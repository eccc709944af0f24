import { describe, expect, it } from 'vitest';
import { extractStatistics } from '../../../electron/core/corpus/statistics/index';
import { groupFigures, type FigureGroup } from '../../../electron/core/evidence/index';
import { DOC, seedCorpus } from './seed-events';
import { parsedSeeds } from '../corpus/parsed-seeds';

const { passages, entities, mentions } = seedCorpus();
const documents = [...parsedSeeds().values()].map((seed) => seed.document);
const statistics = extractStatistics(passages, mentions, entities);
const groups = groupFigures(statistics, entities, documents);

function group(subject: string): FigureGroup {
  const found = groups.filter((g) => g.subject === subject);
  expect(found, `${subject} among ${groups.map((g) => g.subject).join(' | ')}`).toHaveLength(1);
  return found[0] as FigureGroup;
}
const pairs = (g: FigureGroup) => g.figures.map((f) => [f.docId, f.label]);

describe('figures compared across the papers', () => {
  it('pairs KFOR’s strength: nearly 3,800 troops in the 2024 discussion paper, about 5,200 in the 2026 report', () => {
    const kfor = group('KFOR · troops');
    expect(kfor.differ).toBe(true);
    expect(pairs(kfor)).toEqual(
      expect.arrayContaining([
        [DOC.priorities, 'approximately 5,200 troops'],
        [DOC.priorities, 'about 5,200 troops'],
        [DOC.discussion, 'nearly 3,800 KFOR troops'],
      ]),
    );
    expect(new Set(kfor.figures.map((f) => f.docId))).toEqual(new Set([DOC.priorities, DOC.discussion]));
    expect(kfor.figures.find((f) => f.label === 'approximately 5,200 troops')).toMatchObject({ value: 5200, unit: 'troops', asOf: '2025-10' });
    expect(kfor.figures.find((f) => f.label === 'nearly 3,800 KFOR troops')).toMatchObject({ value: 3800, asOf: '2023-05' });
  });

  it('pairs NATO’s reinforcement: up to 1,000 troops in the 2026 report, an additional 700 in the discussion paper', () => {
    const nato = group('NATO · additional troops 2023');
    expect(nato.differ).toBe(true);
    expect(new Set(nato.figures.map((f) => f.docId))).toEqual(new Set([DOC.priorities, DOC.discussion]));
    expect(nato.figures.filter((f) => f.docId === DOC.discussion).map((f) => [f.label, f.value])).toEqual([['an additional 700 troops', 700]]);
    expect(nato.figures.filter((f) => f.docId === DOC.priorities).every((f) => f.value === 1000 && /^up to 1,000/.test(f.label))).toBe(true);
  });

  it('pairs the NATO Centres of Excellence: 28 accredited as of 2024, 30 in the 2025 brief', () => {
    const coe = group('NATO · centres of excellence');
    expect(pairs(coe)).toEqual([
      [DOC.crisis, '28 COEs'],
      [DOC.advance, '30 NATO-accredited Centres'],
    ]);
    expect(coe.figures[0]?.asOf).toBe('2024');
    expect(coe.differ).toBe(true);
  });

  it('pairs the KFOR soldiers injured in May 2023, and does not flag 30 and 25 to 30 as disagreeing', () => {
    const injured = group('KFOR · soldiers injured May 2023');
    expect(pairs(injured)).toEqual([
      [DOC.priorities, 'about 25 to 30 KFOR troops'],
      [DOC.discussion, '30 NATO/KFOR soldiers'],
    ]);
    expect(injured.differ).toBe(false);
  });

  it('keeps Serbia’s request for 1,000 troops apart from NATO’s own', () => {
    const serbia = group('Serbia · troops requested 2022');
    expect(serbia.figures.every((f) => f.docId === DOC.priorities && f.value === 1000)).toBe(true);
    expect(groups.filter((g) => g.subject.startsWith('NATO · additional')).flatMap((g) => g.figures).some((f) => /request/i.test(f.claim))).toBe(false);
  });

  it('lists the groups whose papers disagree first, and does not flag two values of one sentence', () => {
    const firstAgreeing = groups.findIndex((g) => !g.differ);
    expect(firstAgreeing).toBeGreaterThan(0);
    expect(groups.slice(firstAgreeing).every((g) => !g.differ)).toBe(true);
    const members = groups.find((g) => g.figures.some((f) => f.label === '12 founding members'));
    expect(members?.figures.map((f) => f.label)).toEqual(['12 founding members', '32 members']);
    expect(members?.differ).toBe(false);
  });

  it('keeps every figure once, with its passage and sentence', () => {
    const all = groups.flatMap((g) => g.figures);
    expect(all).toHaveLength(statistics.length);
    const passageById = new Map(passages.map((p) => [p.id, p]));
    for (const f of all) expect(passageById.get(f.passageId)?.text).toContain(f.claim);
  });

  it('narrows to a paper or an entity and to groups that differ', () => {
    expect(groupFigures(statistics, entities, documents, { docIds: [DOC.advance] }).flatMap((g) => g.figures).every((f) => f.docId === DOC.advance)).toBe(true);
    expect(groupFigures(statistics, entities, documents, { entityId: 'kfor' }).map((g) => g.subject)).toEqual(expect.arrayContaining(['KFOR · troops', 'KFOR · soldiers injured May 2023']));
    expect(groupFigures(statistics, entities, documents, { differOnly: true }).every((g) => g.differ)).toBe(true);
  });
});
