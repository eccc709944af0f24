import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSeeds } from '../../../electron/core/corpus/seeds.js';
import { DocumentSchema } from '../../../electron/core/corpus/schema.js';
import { DOC, parsed, seedsDir } from './parsed-seeds.js';

describe('seed metadata', () => {
  it('describes each of the five texts, each naming its own source file', () => {
    const seeds = readSeeds(seedsDir);
    expect(seeds.map((s) => s.meta.source)).toEqual([
      '000_e87488ddfbf88c13.txt',
      '001_854a494500a4b47a.txt',
      '002_9f88dff86ea5da05.txt',
      '003_ed6381770ad57015.txt',
      '004_8f46781e496f4f68.txt',
    ]);
    expect(new Set(seeds.map((s) => s.meta.id)).size).toBe(5);
  });

  it('gives ISBN and year only where the colophon prints them', () => {
    const text = (name: string) => readFileSync(join(seedsDir, name), 'utf8');
    const priorities = parsed(DOC.priorities).document;
    expect(priorities.isbn).toBe('978-9951-842-58-7');
    expect(priorities.year).toBe(2026);
    expect(text('000_e87488ddfbf88c13.txt')).toContain('ISBN 978-9951-842-58-7');
    expect(text('000_e87488ddfbf88c13.txt')).toContain('QKSS, 2026');

    const discussion = parsed(DOC.discussion).document;
    expect(discussion.isbn).toBe('978-9951-842-31-0');
    expect(discussion.year).toBe(2024);
    expect(discussion.editors).toEqual(['Ramadan Ilazi']);

    for (const id of [DOC.crisis, DOC.trust, DOC.advance]) {
      expect(parsed(id).document.isbn).toBeUndefined();
      expect(parsed(id).document.year).toBeUndefined();
    }
  });

  it('yields documents that satisfy the corpus schema', () => {
    for (const id of Object.values(DOC)) {
      const doc = parsed(id).document;
      expect(() => DocumentSchema.parse(doc)).not.toThrow();
      expect(doc.origin).toBe('bundled');
    }
    expect(parsed(DOC.advance).document.authors).toEqual(['Ramadan Ilazi', 'Jeta Loshaj', 'Yerai Dheur', 'Pia-Katharina Pallasch']);
    expect(parsed(DOC.trust).document.authors).toEqual(['Miodrag Milićević', 'Lulzim Peci', 'Predrag Jureković']);
  });
});
