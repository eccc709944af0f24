import { describe, expect, it } from 'vitest';
import { collectVocabulary, joinLines } from '../../../electron/core/import/pdf/join-lines.js';
import { isBarePageNumber } from '../../../electron/core/import/pdf/page-furniture.js';
import { composeSpacingAccents } from '../../../electron/core/import/pdf/line-segments.js';
import { detectFormat, decodeText } from '../../../electron/core/import/file-format.js';

describe('joining lines', () => {
  const lines = [
    'The dialogue between Kosovo and Ser-',
    'bia stalled after the Kosovo-',
    'Serbia talks in Brussels; a run-',
    'time check and a follow-',
    'up meeting. See https://www.example.org/reports/',
    '2024/kosovo for the text.',
  ];
  // "follow-up" is written with its hyphen elsewhere in this document; "runtime" is not.
  const vocabulary = collectVocabulary([...lines, 'a follow-up visit was planned']);

  it('closes syllable breaks, keeps compounds the document writes with a hyphen, and rejoins URLs', () => {
    expect(joinLines(lines, vocabulary)).toBe(
      'The dialogue between Kosovo and Serbia stalled after the Kosovo-Serbia talks in Brussels; a runtime check and a follow-up meeting. See https://www.example.org/reports/2024/kosovo for the text.',
    );
  });

  it('closes a break after letters outside the BMP and the Unicode hyphen, and keeps a hyphen that follows no letter', () => {
    const vocabulary = collectVocabulary(['𝐁𝐨𝐥𝐝word appears once']);
    expect(joinLines(['the 𝐁𝐨𝐥𝐝-', 'word here'], vocabulary)).toBe('the 𝐁𝐨𝐥𝐝word here');
    expect(joinLines(['Prishtinë‐', 'Beograd'], new Set())).toBe('Prishtinë-Beograd');
    expect(joinLines(['pages 12-', '14 and', '', '  more  '], new Set())).toBe('pages 12- 14 and more');
    expect(joinLines([], new Set())).toBe('');
  });

  it('joins a long paragraph line by line into the same text as pairwise joins', () => {
    const many = Array.from({ length: 2000 }, (_, i) => (i % 2 === 0 ? `line ${i} ends in a break-` : 'ing word and more'));
    expect(joinLines(many, new Set())).toBe(Array.from({ length: 1000 }, (_, i) => `line ${i * 2} ends in a breaking word and more`).join(' '));
  });

  it('does not learn words from the fragments before line-end hyphens', () => {
    expect(vocabulary.has('ser')).toBe(false);
    expect(vocabulary.has('follow-up')).toBe(true);
  });
});

describe('page furniture', () => {
  it.each(['12', '- 12 -', 'Page 3', 'page 3 of 14', 'xii', 'IV', '7 / 20'])('%s is a page number', (text) => {
    expect(isBarePageNumber(text)).toBe(true);
  });
  it.each(['mid', 'civil', '2.1 Traces', 'Page three', 'Table 4'])('%s is not', (text) => {
    expect(isBarePageNumber(text)).toBe(false);
  });
});

describe('small text repairs', () => {
  it('puts TeX-style spacing accents back on their letters', () => {
    expect(composeSpacingAccents('na\u00A8\u0131ve caf\u00B4e')).toBe('naïve café');
  });
});

describe('file formats', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('trusts the bytes over the name', () => {
    expect(detectFormat('notes.txt', bytes('%PDF-1.7\n...'))).toBe('pdf');
    expect(detectFormat('interview.md', bytes('# Interview'))).toBe('md');
    expect(() => detectFormat('report.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toThrow(/Word 97–2003.*save it as \.docx/);
    expect(() => detectFormat('data.txt', new Uint8Array([0x41, 0, 0x42]))).toThrow(/“data\.txt” is named like a text file but does not hold text/);
    expect(detectFormat('scan.tif', new Uint8Array([0x49, 0x49, 0x2a, 0]))).toBe('tiff');
    expect(detectFormat('page.txt', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(() => detectFormat('photo.png', bytes('not a picture'))).toThrow(/named like an image but is not/);
  });

  it('decodes UTF-8, UTF-16 with a byte order mark, and Windows-1252', () => {
    expect(decodeText(bytes('Zvečan'))).toBe('Zvečan');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x5a, 0, 0x0d, 0x01]))).toBe('Zč');
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBe('café');
  });
});
