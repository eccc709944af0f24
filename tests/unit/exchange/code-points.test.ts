import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../../electron/core/exchange';

describe('CodePointIndex', () => {
  it('converts between UTF-16 offsets and code points around emoji', () => {
    const text = 'a😟b🤔🤔c';
    const index = new CodePointIndex(text);
    expect(index.codePointLength).toBe(Array.from(text).length);
    for (let cp = 0; cp <= index.codePointLength; cp++) {
      const utf16 = index.toUtf16(cp)!;
      expect(Array.from(text.slice(0, utf16)).length).toBe(cp);
      expect(index.toCodePoints(utf16)).toBe(cp);
    }
    expect(index.toUtf16(index.codePointLength + 1)).toBeUndefined();
    expect(index.toUtf16(-1)).toBeUndefined();
  });

  it('is the identity on text without characters beyond the BMP', () => {
    const index = new CodePointIndex('Zvečan, Mitrovicë');
    expect(index.toUtf16(7)).toBe(7);
    expect(index.toCodePoints(7)).toBe(7);
  });
});
