import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../../electron/core/corpus/seeds.js';
import { parseSeed } from '../../../electron/core/corpus/parse/index.js';
import { DOC, parsedSeeds, seedsDir } from './parsed-seeds.js';

describe('ids', () => {
  it('are the same when the same text is parsed again', () => {
    for (const seed of readSeeds(seedsDir)) {
      const again = parseSeed(seed.text, seed.meta);
      const first = parsedSeeds().get(seed.meta.id)!;
      expect(again.passages.map((p) => p.id)).toEqual(first.passages.map((p) => p.id));
      expect(again.sections.map((s) => s.id)).toEqual(first.sections.map((s) => s.id));
      expect(again.recommendations.map((r) => r.id)).toEqual(first.recommendations.map((r) => r.id));
    }
  });

  it('are unique across the corpus and carry their document id', () => {
    const all = [...parsedSeeds().values()];
    const passageIds = all.flatMap((d) => d.passages.map((p) => p.id));
    expect(new Set(passageIds).size).toBe(passageIds.length);
    const sectionIds = all.flatMap((d) => d.sections.map((s) => s.id));
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
    for (const d of all) for (const p of d.passages) expect(p.id.startsWith(`${d.document.id}-`)).toBe(true);
  });

  it('number repeated text (the colophon printed front and back) instead of colliding', () => {
    const priorities = parsedSeeds().get(DOC.priorities)!;
    const thanks = priorities.passages.filter((p) => p.text === 'The author would like to thank Asllan Zenunaj for this contribution to this report.');
    expect(thanks).toHaveLength(2);
    expect(thanks[1]!.id).toBe(`${thanks[0]!.id}-2`);
  });

  it('of untouched passages survive an edit elsewhere in the paper', () => {
    const seed = readSeeds(seedsDir).find((s) => s.meta.id === DOC.advance)!;
    const edited = seed.text.replace('Only one NATO member state voted against the decision', 'Only one member state voted against it');
    expect(edited).not.toBe(seed.text);
    const before = parseSeed(seed.text, seed.meta).passages;
    const after = parseSeed(edited, seed.meta).passages;
    const changed = before.filter((p, i) => p.id !== after[i]!.id);
    expect(changed.map((p) => p.text.slice(0, 30))).toEqual(['In May 2024, Kosovo was grante']);
  });
});
