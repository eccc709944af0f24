import type { Recommendation } from '../../../../electron/core/corpus/schema';
import { foldCase } from '../../../../electron/common/text/fold';
import type { CitationAttrs } from '../../../../electron/common/drafts/citation-node';

/** A query that names recommendations: "recommendation 3", "rec. 3", "rec #3", "#3", or the word alone. */
const recommendationWord = /^(?:recommendations?|recs?\.?)(?:\s+|$)/;

export interface RecommendationQuery {
  /** The query named recommendations ("rec 3", "recommendation trust"): list them first. */
  explicit: boolean;
  ordinal?: number;
  words: string[];
}

export function parseRecommendationQuery(query: string): RecommendationQuery {
  let rest = foldCase(query.trim());
  const explicit = recommendationWord.test(rest) || /^#\d+$/.test(rest);
  rest = rest.replace(recommendationWord, '').trim();
  const number = /^(?:no\.?\s*|#)?(\d{1,3})(?:\s+|$)/.exec(rest);
  const ordinal = number ? Number(number[1]) : undefined;
  if (number) rest = rest.slice(number[0].length).trim();
  const words = rest.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return { explicit: explicit || (ordinal !== undefined && words.length === 0), ...(ordinal !== undefined ? { ordinal } : {}), words };
}

/**
 * Recommendations matching what the author typed after `@`: by number ("rec 3") and/or by
 * words of their text or addressees (each word a prefix of one of theirs).
 */
export function matchRecommendations(recommendations: readonly Recommendation[], query: string, limit = 6): Recommendation[] {
  const parsed = parseRecommendationQuery(query);
  if (parsed.ordinal === undefined && parsed.words.length === 0 && !parsed.explicit) return [];
  const matches = recommendations.filter((recommendation) => {
    if (parsed.ordinal !== undefined && recommendation.ordinal !== parsed.ordinal) return false;
    if (parsed.words.length === 0) return true;
    const words = foldCase(`${recommendation.title} ${recommendation.text} ${recommendation.addressees.join(' ')}`).split(/[^\p{L}\p{N}]+/u);
    return parsed.words.every((word) => words.some((candidate) => candidate.startsWith(word)));
  });
  return matches.slice(0, limit);
}

/**
 * Citing a recommendation cites the passage it is in, with that passage's page as the
 * locator (as a passage picked from search); without the page the formatter prints it anyway.
 */
export function citationOfRecommendation(recommendation: Pick<Recommendation, 'docId' | 'passageId'>, page?: number): CitationAttrs {
  return {
    targetKind: 'passage',
    targetId: recommendation.passageId,
    docId: recommendation.docId,
    locator: page === undefined ? null : String(page),
    prefix: null,
    suffix: null,
    suppressAuthor: false,
  };
}
