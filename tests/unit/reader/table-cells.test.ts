import { describe, expect, it } from 'vitest';
import { cellRanges } from '../../../renderer/src/views/reader/table-cells';
import { bundledCorpus } from './real-papers';

describe('table cells in the text view', () => {
  it('cut every table row of the corpus into its cells at the offsets of its text, so markers and mentions land in their cell', async () => {
    const { passages } = await bundledCorpus();
    const rows = passages.filter((passage) => passage.kind === 'table-row');
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const ranges = cellRanges(row);
      expect(ranges.map((range) => row.text.slice(range.start, range.end))).toEqual(row.cells ?? [row.text]);
      for (const ref of row.footnoteRefs) expect(ranges.some((range) => ref.offset >= range.start && ref.offset <= range.end)).toBe(true);
    }
    // The 2026 report's table carries notes 26 to 36 in its cells.
    const numbers = rows.filter((row) => row.docId === 'kcss-foreign-security-priorities-2026').flatMap((row) => row.footnoteRefs.map((ref) => ref.number));
    expect(numbers).toEqual([26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36]);
  });
});
