import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../annotations-api/cli-helpers';
import { citationOfRecommendation, matchRecommendations, parseRecommendationQuery } from '../../../renderer/src/views/drafts/recommendation-matches';

const { recommendations } = bundledCorpus();

describe('recommendations in the citation picker', () => {
  it('reads a number and words, and knows when recommendations were asked for', () => {
    expect(parseRecommendationQuery('rec 4 observer')).toEqual({ explicit: true, ordinal: 4, words: ['observer'] });
    expect(parseRecommendationQuery('Recommendation #3')).toEqual({ explicit: true, ordinal: 3, words: [] });
    expect(parseRecommendationQuery('7')).toEqual({ explicit: true, ordinal: 7, words: [] });
    expect(parseRecommendationQuery('reconstruction')).toEqual({ explicit: false, words: ['reconstruction'] });
  });

  it('finds recommendations by number and words (folded), and cites their passage', () => {
    const byNumber = matchRecommendations(recommendations, 'rec 4 observer');
    expect(byNumber.map((item) => item.id)).toEqual(['kcss-advance-kosovo-nato-relations-rec-4']);
    expect(matchRecommendations(recommendations, 'rec 2', 100).every((item) => item.ordinal === 2)).toBe(true);
    expect(matchRecommendations(recommendations, 'OBSERVER affiliated').map((item) => item.id)).toContain('kcss-advance-kosovo-nato-relations-rec-4');
    expect(matchRecommendations(recommendations, 'zzzz')).toEqual([]);
    const [item] = byNumber;
    expect(citationOfRecommendation(item!, 3).locator).toBe('3');
    expect(citationOfRecommendation(item!)).toEqual({ targetKind: 'passage', targetId: item!.passageId, docId: item!.docId, locator: null, prefix: null, suffix: null, suppressAuthor: false });
  });
});
