import { describe, expect, it } from 'vitest';
import { hasExactLabel, matchRank, rankMatch, rankOptions } from '../../../renderer/src/components/type-ahead-ranking';
import { entityOptions, quickDigit, quickTopics, topicOptions } from '../../../renderer/src/annotations/coding-options';
import type { EntitySummary } from '../../../electron/core/api/methods/corpus';
import type { TopicSummary } from '../../../electron/core/api/methods/annotations';
import { bundledCorpus } from '../reader/real-papers';

function topic(id: string, path: string, depth = 0): TopicSummary {
  const name = path.split(' / ').at(-1)!;
  return { id, name, path, depth, color: '#000000', quotes: 0, documents: 0, quotesWithSubtopics: 0, createdAt: '', updatedAt: '' } as unknown as TopicSummary;
}

/** The corpus's entities as the reader's picker gets them (with their mention counts). */
async function corpusEntities(): Promise<EntitySummary[]> {
  const corpus = await bundledCorpus();
  const counts = new Map<string, number>();
  for (const mention of corpus.mentions) counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
  return corpus.entities.map((entity) => ({ ...entity, mentionCount: counts.get(entity.id) ?? 0, documents: [] }));
}

describe('type-ahead ranking', () => {
  it('ranks exact over prefix over a word inside over anywhere, ignoring case and accents', () => {
    expect(rankMatch('Serbia', 'serbia')).toBe(matchRank.exact);
    expect(rankMatch('Serbian Orthodox Church', 'Serbia')).toBe(matchRank.prefix);
    expect(rankMatch('Local trust-building', 'trust')).toBe(matchRank.wordPrefix);
    expect(rankMatch('Security / Trust in police', 'trust')).toBe(matchRank.wordPrefix);
    expect(rankMatch('Distrust', 'trust')).toBe(matchRank.substring);
    expect(rankMatch('Aleksandar Vučić', 'vucic')).toBe(matchRank.wordPrefix);
    expect(rankMatch('NATO', 'kfor')).toBe(matchRank.none);
    expect(rankMatch('NATO', '   ')).toBe(matchRank.none);
  });

  it('puts "Trust in police" before "Local trust-building" for "trust", even when it sits under a parent topic', () => {
    const codebook = [topic('t1', 'Local trust-building'), topic('t2', 'Security'), topic('t3', 'Security / Trust in police', 1), topic('t4', 'Distrust of courts')];
    expect(rankOptions(topicOptions(codebook), 'trust').map((option) => option.label)).toEqual(['Trust in police', 'Local trust-building', 'Distrust of courts']);
    // The full path finds it too, and an exact path means there is nothing new to create.
    expect(rankOptions(topicOptions(codebook), 'Security / Trust in police')[0]!.id).toBe('t3');
    expect(hasExactLabel(topicOptions(codebook), 'security / trust in police')).toBe(true);
    expect(hasExactLabel(topicOptions(codebook), 'trust')).toBe(false);
  });

  it('picks Serbia, not the Serbian Orthodox Church, for "Serbia" among the real entities, and finds KSF by its alias', async () => {
    const options = entityOptions(await corpusEntities());
    expect(rankOptions(options, 'Serbia')[0]!.label).toBe('Serbia');
    expect(rankOptions(options, 'serbia').map((option) => option.label)).toContain('Serbian Orthodox Church');
    expect(rankOptions(options, 'KSF')[0]!.label).toBe('Kosovo Security Force');
  });

  it('leaves out what is already chosen and stops at the limit', async () => {
    const options = entityOptions(await corpusEntities());
    const serbia = options.find((option) => option.label === 'Serbia')!;
    expect(rankOptions(options, 'Serbia', new Set([serbia.id]))[0]!.label).not.toBe('Serbia');
    expect(rankOptions(options, 'o', new Set(), 5)).toHaveLength(5);
  });
});

describe('quick-code digits', () => {
  it('are the first nine topics in codebook order, whatever was used last', () => {
    const codebook = Array.from({ length: 12 }, (_, index) => topic(`t${index}`, `Topic ${index}`));
    expect(quickTopics(codebook).map((item) => item.id)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8']);
    expect(quickDigit(codebook, 't4')).toBe(5);
    expect(quickDigit(codebook, 't10')).toBeUndefined();
  });
});
