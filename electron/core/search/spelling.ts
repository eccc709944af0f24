/**
 * British and American spellings of one word mapped to one form, so that `normalisation`
 * finds "normalization" and `centre` finds "Center". Rules over word endings rather than a
 * dictionary: the same function runs on the indexed text and on the query, so a rule that
 * also rewrites an unrelated word (exercise -> exercize) is harmless as long as it never makes
 * two different words equal. Input is a lower-cased, diacritic-folded word.
 */

interface SpellingRule {
  pattern: RegExp;
  replacement: string | ((match: string, ...groups: string[]) => string);
}

const RULES: readonly SpellingRule[] = [
  // organisation, normalised, recognising, analyse -> -iz-, -yz-. The stem must be long enough
  // that short words (rise, wise, noise) are left alone.
  { pattern: /^([a-z]{4,})is(e|es|ed|ing|er|ers|ation|ations|ational)$/, replacement: '$1iz$2' },
  { pattern: /^([a-z]{3,})ys(e|es|ed|ing|er|ers)$/, replacement: '$1yz$2' },
  // favour, behaviour, labour, neighbourhood: -our- -> -or-, only in longer words, so that
  // four, hour, tour and your stay themselves.
  { pattern: /^([a-z]{2,}[^aeou])our(s|ed|ing|able|ably|ite|ites|hood|hoods|less|ful)?$/, replacement: '$1or$2' },
  // centre, theatre, fibre, metre, centred: -tre/-bre -> -ter/-ber. Limited to t and b so
  // that acre/acer or genre/gener are never merged.
  { pattern: /^([a-z]{2,}[tb])re(s|d)?$/, replacement: (_m, stem: string, tail?: string) => `${stem}er${tail === 'd' ? 'ed' : tail ?? ''}` },
  // defence, offence, licence, pretence.
  { pattern: /^(def|off|lic|pret)enc(e|es)$/, replacement: '$1ens$2' },
  // travelled, modelling, cancelled, labelled: the British doubled l.
  { pattern: /^([a-z]{2,}e)ll(ed|ing|er|ers)$/, replacement: '$1l$2' },
  // dialogue, catalogue, analogue.
  { pattern: /^([a-z]{3,})ogue(s)?$/, replacement: '$1og$2' },
  // programme.
  { pattern: /^(program)me(s)?$/, replacement: '$1$2' },
  // judgement, acknowledgement.
  { pattern: /^(judg|acknowledg|abridg)ement(s)?$/, replacement: '$1ment$2' },
];

/** The one spelling a British or American variant is indexed under. */
export function normaliseSpelling(word: string): string {
  for (const rule of RULES) {
    if (!rule.pattern.test(word)) continue;
    return typeof rule.replacement === 'string' ? word.replace(rule.pattern, rule.replacement) : word.replace(rule.pattern, rule.replacement);
  }
  return word;
}
