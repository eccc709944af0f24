import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../electron/core/corpus/schema';
import { headerRows, rowCells } from '../../../electron/core/corpus/typeset/table-cells';
import { seedText, unmark } from './seed-excerpt';

const seedRows = seedText('000_').split('\n').filter((l) => l.includes('\t') && /^(Year|20\d\d)\t/.test(l));

function row(raw: string, i: number): Passage {
  const m = unmark(raw);
  return { id: `r${i}`, docId: 'd', sectionPath: [], kind: 'table-row', text: m.text, cells: m.text.split('\t'), page: 1, order: i, footnoteRefs: m.footnoteRefs, links: m.links, backMatter: false };
}

describe('rowCells', () => {
  it('moves each footnote marker into its cell, at the same place in the words', () => {
    const raw = seedRows.find((l) => l.startsWith('2023\tAgreement on the Path to Normalisation'))!;
    const cells = rowCells(row(raw, 0));
    expect(cells).toHaveLength(3);
    expect(cells[0]!.refs).toEqual([]);
    expect(cells[1]!.refs.map((r) => r.number)).toEqual([29, 30]);
    for (const ref of cells[1]!.refs) {
      const before = cells[1]!.text.slice(0, ref.offset).trimEnd();
      expect(before.endsWith(ref.number === 29 ? 'Normalisation' : 'Annex')).toBe(true);
    }
    expect(cells[2]!.refs).toEqual([]);
  });
});

describe('headerRows', () => {
  it('takes the short first row as the header, and its repetitions further down', () => {
    const rows = seedRows.slice(0, 14).map(row);
    const headers = [...headerRows(rows)];
    expect(headers[0]).toBe(0);
    expect(headers.length).toBeGreaterThan(1);
    for (const i of headers) expect(rows[i]!.text.startsWith('Year\tDevelopments')).toBe(true);
  });

  it('finds no header when the first row is data', () => {
    expect(headerRows(seedRows.filter((l) => !l.startsWith('Year')).slice(0, 5).map(row)).size).toBe(0);
  });
});
