import { describe, expect, it } from 'vitest';
import { mapOffset, NameReplacer, parseReplacementSpec } from '../../../electron/core/interviews/index';

describe('replacing names', () => {
  const replacer = new NameReplacer([
    { real: 'Arben', pseudonym: 'Besnik' },
    { real: 'Arben Krasniqi', pseudonym: 'Respondent 4' },
    { real: 'Vučić', pseudonym: 'Politician A' },
  ]);

  it('whole words in any case, possessives kept, longer names first, names across line breaks', () => {
    const { text } = replacer.replace("Arben's son, ARBEN, arben and Arbenesha; Arben\nKrasniqi said Vučić’s words.");
    expect(text).toBe("Besnik's son, BESNIK, besnik and Arbenesha; Respondent 4 said Politician A’s words.");
  });

  it('maps offsets of the old text onto the new, growing a range that cut a name to the whole pseudonym', () => {
    const old = "Then Arben's family left.";
    const { text, edits } = replacer.replace(old);
    const family = old.indexOf('family');
    expect(text.slice(mapOffset(edits, family, 'start'), mapOffset(edits, old.length, 'end'))).toBe('family left.');
    const inside = old.indexOf('ben');
    expect(text.slice(mapOffset(edits, inside, 'start'), mapOffset(edits, family, 'end'))).toBe("Besnik's ");
    expect(text.slice(0, mapOffset(edits, old.indexOf('ben'), 'end'))).toBe('Then Besnik');
  });

  it('reads "Real=Pseudonym" and says what is wrong with a bad one', () => {
    expect(parseReplacementSpec(' Arben Krasniqi = R4 ')).toEqual({ real: 'Arben Krasniqi', pseudonym: 'R4' });
    expect(parseReplacementSpec('A=B=C')).toEqual({ real: 'A', pseudonym: 'B=C' });
    expect(() => parseReplacementSpec('Arben')).toThrow(/has no “=”/);
    expect(() => parseReplacementSpec('=R4')).toThrow(/the real name is empty/);
    expect(() => parseReplacementSpec('Arben=')).toThrow(/the pseudonym is empty/);
  });
});
