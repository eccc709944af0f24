import { describe, expect, it } from 'vitest';
import { passageSeparator } from '../../../electron/core/anchoring/document-text';
import { MAX_PARAGRAPH_CHARS, sourceToDocument, splitParagraphs } from '../../../electron/core/exchange/paragraphs';

describe('a source text split into passages', () => {
  it('cuts at blank lines, trims each passage, and maps positions exactly', () => {
    const text = '  Q: First? 🙂 \r\n\r\n \nA: Second line\r\nstill the second.\n\n\n';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.texts).toEqual(['Q: First? 🙂', 'A: Second line\r\nstill the second.']);
    const documentText = paragraphs.texts.join(passageSeparator);
    for (const quote of ['First? 🙂', 'Second line', 'still the second.']) {
      const start = text.indexOf(quote);
      const from = sourceToDocument(paragraphs, start, 'start')!;
      const to = sourceToDocument(paragraphs, start + quote.length, 'end')!;
      expect(documentText.slice(from, to)).toBe(quote);
    }
    // A selection over the blank lines between passages runs from the end of one to the start of the next.
    const across = [text.indexOf('🙂'), text.indexOf('Second') + 'Second'.length];
    expect(documentText.slice(sourceToDocument(paragraphs, across[0]!, 'start'), sourceToDocument(paragraphs, across[1]!, 'end'))).toBe('🙂\n\nA: Second');
    // One that starts in white space moves to the next passage's text.
    expect(sourceToDocument(paragraphs, 0, 'start')).toBe(0);
    expect(sourceToDocument(paragraphs, text.length, 'end')).toBe(documentText.length);
  });

  it('cuts a passage longer than the limit at white space, never inside an emoji', () => {
    const word = 'abcdefghi 😟 ';
    const text = word.repeat(Math.ceil((MAX_PARAGRAPH_CHARS * 2.5) / word.length));
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.texts.length).toBeGreaterThanOrEqual(3);
    for (const passage of paragraphs.texts) {
      expect(passage.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
      expect(passage).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      expect(passage).toBe(passage.trim());
    }
    expect(paragraphs.texts.join(' ')).toBe(text.trim());
  });
});
