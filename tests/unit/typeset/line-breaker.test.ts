import { describe, expect, it } from 'vitest';
import { buildAtoms, buildFootnoteAtoms } from '../../../electron/core/corpus/typeset/inline-atoms';
import { breakLines, type Measurer } from '../../../electron/core/corpus/typeset/line-breaker';
import { footnoteFromSeed, seedLine, seedText, unmark } from './seed-excerpt';

/** A monospaced measure (one unit per character) makes expected lines easy to state. */
const mono: Measurer = { width: (a) => [...a.text].length, spaceWidth: () => 1 };
const lineText = (line: { text: string; spaceBefore: boolean }[]) => line.map((a, i) => (i > 0 && a.spaceBefore ? ' ' : '') + a.text).join('');

describe('breakLines', () => {
  it('fills lines greedily without exceeding the width and loses no word', () => {
    const marked = unmark(seedLine(seedText('000_'), 'These developments changed realities'));
    const lines = breakLines(buildAtoms(marked.text), 60, mono);
    for (const line of lines) expect(lineText(line).length).toBeLessThanOrEqual(60);
    expect(lines.map(lineText).join(' ')).toBe(marked.text.replace(/\s+/g, ' '));
    // Greedy: the next line's first word would not have fitted on the line before it.
    for (let i = 0; i + 1 < lines.length; i++) {
      expect(lineText(lines[i]!).length + 1 + lines[i + 1]![0]!.text.length).toBeGreaterThan(60);
    }
  });

  it('never separates a footnote marker from its word', () => {
    const marked = unmark(seedLine(seedText('000_'), 'In recent years, events'));
    for (const width of [20, 33, 47, 71]) {
      for (const line of breakLines(buildAtoms(marked.text, [], marked.footnoteRefs), width, mono)) {
        expect(line[0]!.footnote).toBeUndefined();
      }
    }
  });

  it('cuts a URL longer than the line after a separator, keeping its link on every piece', () => {
    const note = footnoteFromSeed(seedText('000_'), 'doc', 1, []);
    const url = note.urls[0]!;
    const lines = breakLines(buildFootnoteAtoms(1, note.text, note.urls).slice(1), 50, mono);
    const urlPieces = lines.flat().filter((a) => a.url === url);
    expect(urlPieces.map((a) => a.text).join('')).toBe(url);
    expect(urlPieces.length).toBeGreaterThan(1);
    for (const piece of urlPieces.slice(0, -1)) expect(piece.text).toMatch(/[/\-.?&_=#:,;]$/);
    for (const line of lines) expect(lineText(line).length).toBeLessThanOrEqual(50);
  });
});
