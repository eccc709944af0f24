import { describe, expect, it } from 'vitest';
import { StatisticSchema, type Passage, type Statistic } from '../../../electron/core/corpus/schema';
import { extractStatistics, findFigures, findSource } from '../../../electron/core/corpus/statistics/index';
import { allSeedPassages } from './seed-paragraphs';

const passages = allSeedPassages();
const statistics = extractStatistics(passages);
const passageById = new Map(passages.map((p) => [p.id, p]));

function find(label: string): Statistic[] {
  return statistics.filter((s) => s.label === label);
}

describe('findFigures', () => {
  it('reads percentages, money and counts with their values', () => {
    const text = 'About €613.4 million and € 2.5 million, 200 million euros, 14.2% and 92 percent, 5,200 troops and a 4,500-strong force.';
    expect(findFigures(text).map((f) => [f.label, f.value, f.unit])).toEqual([
      ['€613.4 million', 613_400_000, 'EUR'],
      ['€ 2.5 million', 2_500_000, 'EUR'],
      ['200 million euros', 200_000_000, 'EUR'],
      ['14.2%', 14.2, 'percent'],
      ['92 percent', 92, 'percent'],
      ['5,200 troops', 5200, 'troops'],
      ['4,500-strong', 4500, 'strength'],
    ]);
  });

  it('does not read law numbers, years or document codes as figures', () => {
    expect(findFigures('Law No. 04/L-076 of 2012 and S/2007/168 in 2018')).toEqual([]);
  });
});

describe('findSource', () => {
  it('names the survey and its year', () => {
    expect(findSource('According to the 2022 Security Barometer by the Kosovar Centre for Security Studies (KCSS), 92 percent agree.')).toEqual({
      source: 'Security Barometer',
      year: 2022,
    });
    expect(findSource('A survey conducted in early 2023 by the International Republican Institute found that 25% agree.')).toEqual({
      source: 'International Republican Institute',
      year: 2023,
    });
  });

  it('leaves the source empty when the sentence names none', () => {
    expect(findSource('Kosovo is aligned 100% with the West.')).toEqual({ source: undefined, year: undefined });
  });
});

describe('extractStatistics on the seed papers', () => {
  it('produces schema-valid statistics with unique ids whose claim is a sentence of their passage', () => {
    expect(statistics.length).toBeGreaterThan(30);
    expect(new Set(statistics.map((s) => s.id)).size).toBe(statistics.length);
    for (const s of statistics) {
      expect(StatisticSchema.safeParse(s).success).toBe(true);
      const passage = passageById.get(s.passageId) as Passage;
      expect(passage.text).toContain(s.claim);
      expect(s.claim).toContain(s.label);
    }
  });

  it('finds the 92 percent support for NATO from the 2022 Security Barometer', () => {
    const ninetyTwo = find('92 percent');
    expect(ninetyTwo).toHaveLength(1);
    expect(ninetyTwo[0]).toMatchObject({ value: 92, unit: 'percent', source: 'Security Barometer', year: 2022 });
    expect(ninetyTwo[0]?.claim).toMatch(/in favor of joining NATO/);
  });

  it('carries a survey source to the results that follow it in the paragraph', () => {
    expect(find('99.5 percent')[0]).toMatchObject({ source: 'Security Barometer', year: 2022 });
    expect(find('14.2%')[0]).toMatchObject({ source: 'Security Barometer', year: 2022 });
    expect(find('11%')[0]).toMatchObject({ source: 'International Republican Institute', year: 2023 });
    expect(find('88 percent')[0]).toMatchObject({ source: 'International Republican Institute' });
  });

  it('finds amounts of money and counts with their year', () => {
    expect(find('about €613.4 million')[0]).toMatchObject({ value: 613_400_000, unit: 'EUR' });
    expect(find('around 200 million euros')[0]).toMatchObject({ value: 200_000_000, unit: 'EUR', year: 2024 });
    expect(find('over 1,600 activities')[0]).toMatchObject({ value: 1600, unit: 'activities' });
  });

  it('takes nothing from footnotes', () => {
    const footnoteIds = new Set(passages.filter((p) => p.kind === 'footnote').map((p) => p.id));
    expect(statistics.filter((s) => footnoteIds.has(s.passageId))).toEqual([]);
  });
});
