import { describe, expect, it } from 'vitest';
import { applyEdits, diffText, mapOffset } from '../../../electron/core/interviews/index';

/** Where the range of `words` in `before` lands in `after`, by the edits between them. */
function follow(before: string, after: string, words: string, from = 0) {
  const start = before.indexOf(words, from);
  const edits = diffText(before, after);
  expect(applyEdits(before, edits)).toBe(after);
  return after.slice(mapOffset(edits, start, 'start'), mapOffset(edits, start + words.length, 'end'));
}

describe('the edits of a correction', () => {
  it('replace whole words, so a changed word is one stretch and a kept word outweighs the spaces around it', () => {
    expect(diffText('The bridge still divides us.', 'The old bridge divides us.')).toEqual([
      { start: 4, end: 4, replacement: 'old ' },
      { start: 10, end: 16, replacement: '' },
    ]);
    expect(diffText('the market day', 'the shop day')).toEqual([{ start: 4, end: 10, replacement: 'shop' }]);
    expect(diffText('same', 'same')).toEqual([]);
  });

  it('move a range onto the same words: words typed at its edges stay outside, a word changed inside is covered whole', () => {
    expect(follow('We met at the market yesterday.', 'We met at the old market late yesterday.', 'the market')).toBe('the old market');
    expect(follow('We met at the market yesterday.', 'We met at the markets yesterday.', 'market')).toBe('markets');
    // "We" became "Then we": the changed word is covered whole, with what replaced it.
    expect(follow('We met at the market yesterday.', 'Then we met at the market yesterday.', 'We met')).toBe('Then we met');
    expect(follow('one two three', 'one two three four', 'three')).toBe('three');
    expect(follow('one two three', 'zero one two three', 'one')).toBe('one');
    // Every word of the range deleted: it collapses to a point.
    expect(follow('one two three', 'one three', 'two')).toBe('');
  });

  it('counts a rewrite too large to compare as one replaced stretch', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `v${i}`).join(' ');
    const edits = diffText(`Start ${before} end`, `Start ${after} end`);
    expect(edits).toHaveLength(1);
    expect(applyEdits(`Start ${before} end`, edits)).toBe(`Start ${after} end`);
  });
});
