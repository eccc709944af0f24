import { describe, expect, it } from 'vitest';
import { normaliseSpelling } from '../../../electron/core/search/spelling';
import { makeSnippet } from '../../../electron/core/search/highlight';
import { parseQuery } from '../../../electron/core/search/query-parser';

describe('normaliseSpelling', () => {
  it.each([
    ['normalisation', 'normalization'], ['organisation', 'organization'], ['recognised', 'recognized'],
    ['centre', 'center'], ['centres', 'centers'], ['centred', 'centered'], ['defence', 'defense'],
    ['offences', 'offenses'], ['favour', 'favor'], ['behaviour', 'behavior'], ['neighbourhood', 'neighborhood'],
    ['analyse', 'analyze'], ['travelled', 'traveled'], ['dialogue', 'dialog'], ['programme', 'program'],
  ])('%s and %s are one word', (british, american) => {
    expect(normaliseSpelling(british)).toBe(normaliseSpelling(american));
  });

  it.each([['four', 'for'], ['hour', 'hor'], ['acre', 'acer'], ['rise', 'rize'], ['future', 'futur']])(
    'leaves %s apart from %s',
    (a, b) => {
      expect(normaliseSpelling(a)).not.toBe(normaliseSpelling(b));
    },
  );
});

describe('parseQuery', () => {
  it('reads quoted phrases, curly quotes included, and marks only an unfinished last word as prefix', () => {
    expect(parseQuery('“silence procedure” Banj', true)).toEqual([
      { kind: 'phrase', words: ['silence', 'procedure'] },
      { kind: 'word', word: 'banj', prefix: true },
    ]);
    expect(parseQuery('Banjska ', true)).toEqual([{ kind: 'word', word: 'banjska', prefix: false }]);
    expect(parseQuery('Banj', false)).toEqual([{ kind: 'word', word: 'banj', prefix: false }]);
  });
});

describe('makeSnippet', () => {
  it('keeps highlight ranges pointing at the same words after cutting the text', () => {
    const text = `${'lorem ipsum '.repeat(60)}the Banjska attack ${'dolor sit '.repeat(60)}`;
    const start = text.indexOf('Banjska');
    const snippet = makeSnippet(text, [[start, start + 'Banjska'.length]]);
    expect(snippet.text.length).toBeLessThan(text.length);
    expect(snippet.highlights).toHaveLength(1);
    const [s, e] = snippet.highlights[0]!;
    expect(snippet.text.slice(s, e)).toBe('Banjska');
  });
});
