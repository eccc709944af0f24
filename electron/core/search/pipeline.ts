/**
 * The lunr pipeline functions search adds, and the builder set-up that uses them.
 *
 * lunr's own trimmer strips \W, which cuts "Vučić" to "vuči", and it has no idea that
 * "vucic" and "Vučić" are one name or that "defence" and "defense" are one word. The
 * functions here are registered with lunr under fixed labels because a serialised index
 * names its search pipeline by label: they must be registered before `lunr.Index.load`.
 */
import lunr from 'lunr';
import { foldDiacritics } from '../../common/text/fold';
import { kept } from './kept';
import { normaliseSpelling } from './spelling';
import { splitWords } from './words';

const EDGE_NON_WORD = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Trims punctuation from a token's ends but, unlike lunr.trimmer, keeps non-ASCII letters. */
export const unicodeTrimmer: lunr.PipelineFunction = (token) => token.update((s) => s.replace(EDGE_NON_WORD, ''));

/**
 * Remembers a word function's answers. A corpus repeats a few thousand words hundreds of
 * times, so indexing (and rebuilding a shard on save) mostly looks words up instead of
 * folding, respelling and stemming them again.
 */
function memoize(fn: (word: string) => string, limit = 100_000): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let result = cache.get(word);
    if (result === undefined) {
      result = fn(word);
      // User text is unbounded; start over rather than grow forever.
      if (cache.size >= limit) cache.clear();
      cache.set(word, result);
    }
    return result;
  };
}

const fold = memoize((s) => foldDiacritics(s).toLowerCase());
const respell = memoize(normaliseSpelling);
const stem = memoize((s) => lunr.stemmer(new lunr.Token(s, {})).toString());

/** Vučić -> vucic, Türkiye -> turkiye, Ibër -> iber (also lower-cases). */
export const diacriticFolder: lunr.PipelineFunction = (token) => token.update(fold);

/** defence -> defense, normalisation -> normalization, centre -> center. */
export const spellingNormaliser: lunr.PipelineFunction = (token) => token.update(respell);

/** lunr's Porter stemmer, remembered per word. */
export const memoStemmer: lunr.PipelineFunction = (token) => token.update(stem);

export const PIPELINE_LABELS = { trimmer: 'fw-unicode-trimmer', fold: 'fw-fold-diacritics', spelling: 'fw-spelling', stemmer: 'fw-stemmer' } as const;

let registered = false;

/** Registers the functions with lunr; idempotent (lunr warns on re-registration). */
export function registerSearchPipeline(): void {
  if (registered) return;
  lunr.Pipeline.registerFunction(unicodeTrimmer, PIPELINE_LABELS.trimmer);
  lunr.Pipeline.registerFunction(diacriticFolder, PIPELINE_LABELS.fold);
  lunr.Pipeline.registerFunction(spellingNormaliser, PIPELINE_LABELS.spelling);
  lunr.Pipeline.registerFunction(memoStemmer, PIPELINE_LABELS.stemmer);
  registered = true;
}

/** A tokenizer over `splitWords`, replacing lunr's whitespace-and-hyphen splitter. */
const wordTokenizer = (obj?: unknown, metadata?: object): lunr.Token[] => {
  if (obj === null || obj === undefined) return [];
  const values = Array.isArray(obj) ? obj : [obj];
  return values.flatMap((value: unknown) =>
    splitWords(String(value)).map((w) => new lunr.Token(w.word, { ...(metadata ?? {}) })),
  );
};

/**
 * Configures a builder: indexing runs trim, fold, stop words, spelling, stem; searching runs
 * the same minus stop words (queries drop their own stop words before reaching lunr).
 */
export function configureBuilder(builder: lunr.Builder): void {
  registerSearchPipeline();
  (builder as unknown as { tokenizer: typeof wordTokenizer }).tokenizer = wordTokenizer;
  builder.pipeline.reset();
  builder.pipeline.add(unicodeTrimmer, diacriticFolder, lunr.stopWordFilter, spellingNormaliser, memoStemmer);
  builder.searchPipeline.reset();
  builder.searchPipeline.add(unicodeTrimmer, diacriticFolder, spellingNormaliser, memoStemmer);
}

// Registered on load: the query pipeline below and any saved index name these functions.
registerSearchPipeline();
const queryPipeline = new lunr.Pipeline();
queryPipeline.add(unicodeTrimmer, diacriticFolder, spellingNormaliser, memoStemmer);
/**
 * A word's term, kept: words repeat from note to note and query to query, and the stemmer
 * costs microseconds a word. The vocabulary is bounded by the corpus, but what users type is
 * not, so at most 200,000 words are kept.
 */
function keptPerWord<T>(compute: (word: string) => T): (word: string) => T {
  return kept(compute, (word) => word, 200_000);
}

/** The index term a word is stored under (folded, spelling-normalised, stemmed); '' if none. */
export const termKey: (word: string) => string = keptPerWord((word) => queryPipeline.runString(word)[0] ?? '');

/**
 * The term the indexing pipeline (`configureBuilder`) stores a word under, or null for a stop
 * word: the same steps in the same order, run on the string rather than through a lunr.Token
 * per step. Saving a note meets words the live shard has not seen; through lunr.Pipeline each
 * cost several microseconds, most of a save's indexing.
 */
export const indexTerm: (word: string) => string | null = keptPerWord((word) => {
  const folded = fold(word.replace(EDGE_NON_WORD, ''));
  if (lunr.stopWordFilter(new lunr.Token(folded, {})) === undefined) return null;
  return stem(respell(folded));
});

/** Folded, lower-cased form of a word, before spelling and stemming: what prefixes match on. */
export function foldedWord(word: string): string {
  return fold(word).replace(EDGE_NON_WORD, '');
}

export function isStopWord(word: string): boolean {
  return lunr.stopWordFilter(new lunr.Token(foldedWord(word), {})) === undefined;
}
