import type { CorpusDocument, CslType } from '../corpus/schema';

/** Corpus kinds → CSL types. Policy papers, briefs and discussion papers are grey literature: CSL `report`. */
export const cslTypeByKind: Record<CorpusDocument['kind'], CslType> = {
  report: 'report',
  'policy-paper': 'report',
  'policy-brief': 'report',
  'discussion-paper': 'report',
  article: 'article-journal',
  book: 'book',
  transcript: 'interview',
  other: 'document',
};

/** What citations and exports call the document: the type a person chose, else its kind's. */
export function documentType(document: Pick<CorpusDocument, 'kind' | 'type'>): CslType {
  return document.type ?? cslTypeByKind[document.kind];
}

/**
 * A language tag in the BCP 47 shape the app accepts: a 2–3 letter language, then
 * optionally a script (4 letters), a region (2 letters or 3 digits) and variants
 * ("sq", "sr-Latn", "en-GB", "es-419", "de-CH-1996"). Private and extended subtags are not taken.
 */
const LANGUAGE_TAG = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?((?:-(?:[a-z0-9]{5,8}|\d[a-z0-9]{3}))*)$/i;

export function isLanguageTag(tag: string): boolean {
  return LANGUAGE_TAG.test(tag);
}

/** The tag in its usual case: "SR-latn-rs" → "sr-Latn-RS". Undefined when it is not a tag. */
export function normaliseLanguageTag(tag: string): string | undefined {
  const match = LANGUAGE_TAG.exec(tag.trim());
  if (!match) return undefined;
  const [, language, script, region, variants] = match;
  return [
    language!.toLowerCase(),
    script ? script[0]!.toUpperCase() + script.slice(1).toLowerCase() : undefined,
    region?.toUpperCase(),
  ]
    .filter(Boolean)
    .join('-') + (variants ?? '').toLowerCase();
}
