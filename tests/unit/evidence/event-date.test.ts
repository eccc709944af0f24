import { describe, expect, it } from 'vitest';
import { formatEventDate, isValidEventDate, nested, precisionOf, spanOf } from '../../../electron/core/corpus/events/index';

describe('event dates (EDTF)', () => {
  it.each([
    ['2023', 'year', '2023-01-01', '2023-12-31', '2023'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29', 'February 2024'],
    ['2023-09-24', 'day', '2023-09-24', '2023-09-24', '24 September 2023'],
    ['2013-39', 'part-of-year', '2013-09-01', '2013-12-31', 'late 2013'],
    ['2025-38', 'part-of-year', '2025-05-01', '2025-08-31', 'mid-2025'],
    ['2023-24', 'part-of-year', '2023-12-01', '2024-02-29', 'winter 2023'],
    ['2015/2016', 'year', '2015-01-01', '2016-12-31', '2015–2016'],
    ['2024-09-19/2024-09-22', 'day', '2024-09-19', '2024-09-22', '19–22 September 2024'],
    ['2025-05-26/2025-06-09', 'day', '2025-05-26', '2025-06-09', '26 May – 9 June 2025'],
    ['2025-39/2026-37', 'part-of-year', '2025-09-01', '2026-04-30', 'late 2025 – early 2026'],
  ])('%s is %s precise, covers %s to %s, reads "%s"', (date, precision, start, end, label) => {
    expect(isValidEventDate(date)).toBe(true);
    expect(precisionOf(date)).toBe(precision);
    expect(spanOf(date)).toEqual({ start, end });
    expect(formatEventDate(date)).toBe(label);
  });

  it('refuses what is not a date', () => {
    for (const date of ['2023-13', '2023-02-30', '2023-42', '23', '2023/2021', '2023-09-24T10:00', 'late 2013']) expect(isValidEventDate(date), date).toBe(false);
  });

  it('nests a day in its month and year, not in another month', () => {
    expect(nested('2023', '2023-09-24')).toBe(true);
    expect(nested('2023-09-24', '2023-09')).toBe(true);
    expect(nested('2013-39', '2013-11')).toBe(true);
    expect(nested('2023-05', '2023-09')).toBe(false);
    expect(nested('2023-05', '2023-04/2023-05')).toBe(true);
  });
});
