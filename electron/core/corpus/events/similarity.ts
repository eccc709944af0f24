/**
 * "Similar wording" between two mentions of an event, as the cosine of their word and entity
 * weights, each weighted by how rare it is in the corpus (inverse document frequency): two
 * papers that both write "Banjska" and "attack" agree on something rare; both writing
 * "Kosovo" says nothing.
 */
const STOPWORDS = new Set(
  (
    'a an the of in on at for from with by to into under over and or but nor as than that which who whose its their his her our ' +
    'is are was were be been being has have had will would can could may might must should this these those it they he she we ' +
    'also not no more most such both each other some any all after before during between among against about including like ' +
    'through while when where there here then so very just only even well new first one two three four five year years month ' +
    'january february march april may june july august september october november december early late mid'
  ).split(' '),
);

/** Words the papers use for the same thing: an accession is a joining, an application applying. */
const WORD_FAMILIES: Readonly<Record<string, string>> = {
  accession: 'join',
  joined: 'join',
  joining: 'join',
  joins: 'join',
  recognition: 'recogn',
  recognized: 'recogn',
  recognised: 'recogn',
  recognizes: 'recogn',
  recognises: 'recogn',
  recognizing: 'recogn',
  recognising: 'recogn',
  recognize: 'recogn',
  recognise: 'recogn',
  liberalization: 'liberal',
  liberalisation: 'liberal',
};

const stems = new Map<string, string>();

/** A crude English stem: enough to meet "attacked" with "attack" and "recognizes" with "recognized". */
export function stem(word: string): string {
  let known = stems.get(word);
  if (known === undefined) {
    known = stemWord(word);
    // The papers' vocabulary is a few thousand words; the cache stays small.
    if (stems.size < 100_000) stems.set(word, known);
  }
  return known;
}

function stemWord(word: string): string {
  const w = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s$/, '');
  const family = WORD_FAMILIES[w];
  if (family) return family;
  if (w.length <= 4) return w;
  return w
    .replace(/ication$/, 'y')
    .replace(/(?:ations?|ings?|ments?|ness|ised|ized|ises|izes|ise|ize)$/, '')
    .replace(/(?:ies|ied)$/, 'y')
    .replace(/(?:es|ed|s)$/, '')
    .replace(/e$/, '');
}

export function contentWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
    .map((word) => word.toLowerCase())
    .filter((word) => !STOPWORDS.has(word) && !/^\d+$/.test(word))
    .map(stem)
    .filter((word) => word.length > 1);
}

export type FeatureVector = ReadonlyMap<string, number>;

/** Document frequencies of features over a set of feature lists (one list per passage). */
export class FeatureWeights {
  private readonly frequency = new Map<string, number>();
  private documents = 0;

  add(features: Iterable<string>): void {
    this.documents += 1;
    for (const feature of new Set(features)) this.frequency.set(feature, (this.frequency.get(feature) ?? 0) + 1);
  }

  idf(feature: string): number {
    return Math.log((1 + this.documents) / (1 + (this.frequency.get(feature) ?? 0))) + 1;
  }

  /** `weight(i, all)` scales the i-th feature: words of a mention's context count less than its own. */
  vector(features: readonly string[], weight: (index: number, all: readonly string[]) => number = () => 1): FeatureVector {
    const vector = new Map<string, number>();
    features.forEach((feature, i) => vector.set(feature, (vector.get(feature) ?? 0) + this.idf(feature) * weight(i, features)));
    return vector;
  }
}

export function cosine(a: FeatureVector, b: FeatureVector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [feature, weight] of a) {
    normA += weight * weight;
    const other = b.get(feature);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of b.values()) normB += weight * weight;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/** The feature list of a text and the entities it names: words as stems, entities as `@id`. */
export function features(text: string, entityIds: Iterable<string>): string[] {
  return [...contentWords(text), ...[...entityIds].map((id) => `@${id}`)];
}
