import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../electron/core/text/sentences';
import { allSeedPassages } from './seed-paragraphs';

describe('splitSentences', () => {
  it('does not end a sentence at the abbreviations the papers use', () => {
    const text =
      'A scenario had forecast this before the Sept. 24, 2023, Banjska attack. U.S. Ambassador to Kosovo Jeffrey Hovenier spoke. ' +
      'It operates under Law No. 04/L-076, adopted in 2012. Prepared by Dr. Ramadan Ilazi. "Quoted," she said! Done?';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'A scenario had forecast this before the Sept. 24, 2023, Banjska attack.',
      'U.S. Ambassador to Kosovo Jeffrey Hovenier spoke.',
      'It operates under Law No. 04/L-076, adopted in 2012.',
      'Prepared by Dr. Ramadan Ilazi.',
      '"Quoted," she said!',
      'Done?',
    ]);
  });

  it('gives spans that are the text they report, in order, on every seed passage', () => {
    for (const p of allSeedPassages()) {
      let previousEnd = 0;
      for (const s of splitSentences(p.text)) {
        expect(p.text.slice(s.start, s.end)).toBe(s.text);
        expect(s.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = s.end;
      }
    }
  });
});
