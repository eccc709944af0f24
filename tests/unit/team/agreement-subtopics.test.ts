import { describe, expect, it } from 'vitest';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { call, code, importTranscript } from './support';

const tempDir = useTempDirs();
const openCore = useCores();

/** Cohen's kappa from the four counts, written out as in a textbook. */
function kappaByHand(both: number, onlyA: number, onlyB: number, neither: number): number {
  const n = both + onlyA + onlyB + neither;
  const observed = (both + neither) / n;
  const yesA = (both + onlyA) / n;
  const yesB = (both + onlyB) / n;
  const chance = yesA * yesB + (1 - yesA) * (1 - yesB);
  return (observed - chance) / (1 - chance);
}

describe('agreement with subtopics', () => {
  it('counts a quote carrying a subtopic of T as coded with T only when asked to', async () => {
    const core = await openCore(await tempDir());
    await call(core, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
    const { docId, passageIds } = await importTranscript(core);
    const police = await call(core, 'topics.create', { name: 'Police' });
    const trust = await call(core, 'topics.create', { name: 'Trust', parentId: police.id });
    const violence = await call(core, 'topics.create', { name: 'Violence', parentId: police.id });
    // Amina codes passages 1-6 with Police › Trust.
    await code(core, passageIds, 1, 6, trust.id);
    // Besnik codes 4-8 with Police › Violence and 10 with Police itself.
    await call(core, 'app.setUser', { name: 'Besnik Gashi', id: 'besnik' });
    await code(core, passageIds, 4, 8, violence.id);
    await code(core, passageIds, 10, 10, police.id);

    const args = { topicIds: [police.id], docIds: [docId], coders: ['amina', 'besnik'] as [string, string] };
    // Exact topics: Amina never used Police itself; Besnik did once.
    const exact = await call(core, 'team.agreement', args);
    expect(exact.includeSubtopics).toBe(false);
    expect(exact.topics[0]).toMatchObject({ both: 0, onlyA: 0, onlyB: 1, neither: 19 });

    // With subtopics, Police is Amina's 1-6 against Besnik's 4-8 and 10 of 20 passages:
    // both 4,5,6 (3); only Amina 1,2,3 (3); only Besnik 7,8,10 (3); neither 11.
    // po = 14/20 = 0.7; pe = 0.3 × 0.3 + 0.7 × 0.7 = 0.58; kappa = 0.12 / 0.42 = 0.2857.
    const nested = await call(core, 'team.agreement', { ...args, includeSubtopics: true });
    expect(nested.includeSubtopics).toBe(true);
    const row = nested.topics[0]!;
    expect({ both: row.both, onlyA: row.onlyA, onlyB: row.onlyB, neither: row.neither }).toEqual({ both: 3, onlyA: 3, onlyB: 3, neither: 11 });
    expect(row.kappa).toBeCloseTo(kappaByHand(3, 3, 3, 11), 10);
    expect(row.kappa!.toFixed(4)).toBe('0.2857');
    expect(row.disagreements.map((passage) => passageIds.indexOf(passage.passageId) + 1)).toEqual([1, 2, 3, 7, 8, 10]);

    // Without a topic named, the parent comes into the table beside the subtopics the coders used.
    const all = await call(core, 'team.agreement', { docIds: [docId], coders: ['amina', 'besnik'], includeSubtopics: true });
    expect(all.topics.map((topic) => topic.topicPath)).toEqual(['Police', 'Police / Trust', 'Police / Violence']);
    // Trust has no subtopics: the same as exact (Amina 6 against none).
    expect(all.topics[1]).toMatchObject({ both: 0, onlyA: 6, onlyB: 0, neither: 14 });
  });
});
