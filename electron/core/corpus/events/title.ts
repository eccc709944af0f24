import { VERB_LIKE, type Span } from './clause';
import { classifyKind } from './kind';

/**
 * Short event titles: a noun phrase ("Killing of Kosovo Serb politician Oliver Ivanović") or a
 * clause ("Kenya recognized Kosovo"), never a sentence cut off mid-phrase. Long clauses are
 * shortened only where a phrase ends (before a preposition, a comma, "to"); what cannot be
 * brought under the limit that way gets no title from this mention.
 */
export const MAX_TITLE = 90;

/** Words a title cannot end on: an article, preposition, conjunction or auxiliary leaves a phrase open. */
const OPEN_ENDING = /\b(?:up|down|out|off|a|an|the|of|in|on|at|for|from|with|by|to|into|under|over|and|or|but|nor|as|than|that|which|who|whose|its|their|his|her|our|is|are|was|were|be|been|has|have|had|will|would|can|could|may|also|not|very|more|most|such|this|these|those|both|either|each|some|any|between|among|against|during|after|before|about|including|like)$/i;

const LEADING_CONNECTIVES =
  /^(?:however|furthermore|moreover|additionally|meanwhile|then|later|also|and|but|so|thus|notably|previously|currently|consequently|instead|indeed|accordingly|finally|first|second|third|in addition|in other words|as a result|at the same time|nonetheless|nevertheless|building on this|in this context|in practice|in reality|in particular|in turn|for example|for instance|to begin with|essentially|simultaneously|similarly|overall)\s*,?\s+/i;

/** A clause opened by a prepositional phrase ("In response to ..., an additional 700 troops were deployed"). */
const LEADING_ADVERBIAL =
  /^(?:in|on|at|by|during|after|following|since|with|under|amid|due to|in response to|as part of|through|despite|for|from|over|within|across|throughout|toward|towards|until|before|upon|although|though|while|whereas|as|because|if|to|including|according to)\b[^,]{0,110},\s+/i;

/** Words that make a dangling participle or infinitive opening: "leading to the accession of ...". */
const LEADING_PARTICIPLE = /^(?:leading to|resulting in|followed by|marked by|culminating in)\s+/i;

const PUNCTUATION_RUNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\(\s*\)/g, ''],
  [/\s+/g, ' '],
  [/\s+([,.;:!?])/g, '$1'],
  [/,(\s*,)+/g, ','],
  // "the November 29, 2024, explosion" loses its date: "the explosion", not "the, explosion".
  [/\b(the|a|an|its|their)\s*,\s*/gi, '$1 '],
  [/^[,;:.\s]+|[\s,;:.]+$/g, ''],
];

function tidy(text: string): string {
  return PUNCTUATION_RUNS.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

function dropLeads(text: string): string {
  let current = text;
  for (let i = 0; i < 4; i++) {
    const next = current
      .replace(LEADING_CONNECTIVES, '')
      .replace(LEADING_PARTICIPLE, '')
      .replace(/^(?:the\s+)?(?:in|on|by|of|during|since|at)\s*,\s*/i, '');
    const adverbial = LEADING_ADVERBIAL.exec(next);
    // Drop an opening phrase only when a clause of a few words remains.
    const withoutAdverbial = adverbial && next.slice(adverbial[0].length).split(' ').length >= 3 ? next.slice(adverbial[0].length) : next;
    if (withoutAdverbial === current) return current;
    current = withoutAdverbial;
  }
  return current;
}

/** Removes brackets and appositions that explain a name: "The KSF, an estimated 4,500-strong institution, has evolved". */
function dropAsides(text: string): string {
  return text
    .replace(/\s*\([^()]*\)/g, '')
    .replace(/\s*\[[^\]]*\]/g, '')
    .replace(/([\p{Lu}\p{N}][\p{L}\p{N}'’-]*),\s+(?:an?|the)\s+(?:[^,]|,(?=\d)){2,60},\s+(?=\p{Ll})/gu, '$1 ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Cuts a long title where a phrase ends, keeping as much as fits; undefined if nothing fits.
 * `names` (entity names in the text) are never cut through: "the Agreement on the Path to
 * Normalisation" is one name, not a phrase that ends before "to".
 */
export function shorten(text: string, names: readonly string[] = [], max = MAX_TITLE): string | undefined {
  if (text.length <= max) return text;
  const lower = text.toLowerCase();
  const protectedSpans = names.flatMap((name) => {
    const spans: Array<[number, number]> = [];
    for (let at = lower.indexOf(name.toLowerCase()); at >= 0; at = lower.indexOf(name.toLowerCase(), at + 1)) spans.push([at, at + name.length]);
    return spans;
  });
  // A prefix that ends inside a comment ("..., charging them") is not a phrase that ended.
  const endsInAside = (prefix: string, rest: string) =>
    /,\s+(?:\p{Ll}+(?:ing|ed)|though|although|commonly|with|including|respectively)\b[^,]*$/u.test(prefix) ||
    // ", co-chair": an apposition cut short.
    /,\s+(?:\S+\s+)?\S+$/.test(prefix) ||
    // "that their obligations": a that-clause without its verb.
    /\bthat\s+(?![^,]*\b(?:is|are|was|were|has|have|had|will|\p{Ll}{3,}ed)\b)[^,]*$/u.test(prefix) ||
    // "focused" | "on smart traffic": a participle or verb without its complement ("was established" is whole).
    /(?<!\b(?:was|were|is|are|been|be|being|has|have|had))\s\p{Ll}{3,}(?:ed|ing)$/u.test(prefix) ||
    // "smart traffic" | ", smart healthcare, ...": a list cut in the middle.
    /^,\s+[\p{Ll}\s-]+,/u.test(rest);
  const cutsAt = (pattern: RegExp) =>
    [...text.matchAll(pattern)]
      .map((m) => m.index)
      .filter((index) => index <= max && !protectedSpans.some(([from, to]) => index > from && index < to))
      .sort((a, b) => b - a);
  // Where a clause or a comment begins first ("... the Law on Amnesty" | "to facilitate ..."), then
  // where a prepositional phrase begins ("... a sister-city agreement" | "focused on ...").
  const cuts = [
    ...cutsAt(/,\s|\s(?=(?:to|which|that|while|after|before|following|amid|despite|since|until|including|such as|as well as|alongside)\s)/g),
    ...cutsAt(/\s(?=(?:in|on|at|for|from|with|by|under|through|against|over|into|during|between|among|across|within|without|toward|towards|near|of)\s)/g),
  ];
  for (const cut of cuts) {
    const candidate = text.slice(0, cut).replace(/[\s,;:]+$/, '');
    if (candidate.split(' ').length >= 3 && !endsInAside(candidate, text.slice(cut)) && isAcceptableTitle(candidate)) return candidate;
  }
  return undefined;
}

/** A title does not open on a preposition, conjunction or pronoun: "By the Ohrid Annex", "And 2022", "It shifted ...". */
const BAD_OPENING = /^(?:what|why|how|during|following|despite|under|amid|among|through|upon|within|without|via|by|in|on|at|of|for|from|to|with|after|before|since|until|and|or|but|nor|so|yet|as|than|that|which|who|whom|whose|where|when|while|it|its|they|their|them|this|these|those|he|she|his|her|we|our|there|here|was|were|is|are|be|been|has|have|had|will|would|can|could|should|may|might|must|did|does|do)\b/iu;

function balanced(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/\(/g) === count(/\)/g) && count(/"/g) % 2 === 0 && count(/“/g) === count(/”/g);
}

/**
 * A title a person can read as a whole: not cut (no ellipsis, nothing left open at the end,
 * brackets and quotes closed), not too long, starting as a sentence would.
 */
export function isAcceptableTitle(title: string): boolean {
  const words = title.split(/\s+/);
  return (
    title.length >= 4 &&
    title.length <= MAX_TITLE &&
    words.length >= 2 &&
    !/…|\.\.\./.test(title) &&
    !OPEN_ENDING.test(title) &&
    !/[,;:\-–—]$/.test(title) &&
    /^[\p{Lu}\p{N}"“]/u.test(title) &&
    !BAD_OPENING.test(title) &&
    balanced(title)
  );
}

/** The event's words with the date taken out, tidied: the raw material of a title and of similarity. */
export function eventText(sentence: string, span: Span, date: Span): string {
  const before = sentence.slice(span.start, date.start);
  const after = sentence.slice(date.end, span.end);
  return tidy(dropLeads(tidy(dropAsides(`${before} ${after}`))));
}

/** A clause title for the event's words (`eventText`), or undefined when none reads well. */
export function clauseTitle(text: string, names: readonly string[] = []): string | undefined {
  // A clause that starts on its verb lost its subject: "set to conclude", "exemplified by ...".
  if (/^(?:\p{Ll}+(?:ed|ing)|set|began|took|held|sent|made)\b/u.test(text)) return undefined;
  const candidate = shorten(capitalise(text), names);
  if (!candidate || !isAcceptableTitle(candidate)) return undefined;
  // What should or could happen is a recommendation, not an event; what someone suggests or notes
  // is a claim; what is or remains is a state; a bare year left in the clause is another date's.
  if (/\b(?:should|must|could|would|might|ought|suggests?|estimates?|notes|argues|says|points out|shows)\b/i.test(candidate)) return undefined;
  if (/^[^,]*?\b(?:is|are|remains|remain|includes|include|seems|has|have|stands)\b/i.test(candidate) && !/^[^,]*?\b(?:was|were|had|\p{Ll}{3,}ed)\b[^,]*?\b(?:is|are|remains|has|have)\b/iu.test(candidate)) return undefined;
  if (/\b(?:19|20)\d{2}\b/.test(candidate.replace(new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)', 'gi'), ''))) return undefined;
  // A clause has a verb; a few capitalised names alone ("Kosovo Defense Minister ... and NATO leaders") are not an event.
  return VERB_LIKE.test(candidate) || classifyKind(candidate) !== undefined ? candidate : undefined;
}

/**
 * A noun phrase that a year or month dates from in front ("the 2018 killing of Kosovo Serb
 * politician Oliver Ivanović", "the November 29, 2024, explosion that severely damaged the
 * Ibër-Lepenc water canal"): from the date to the end of the phrase. A phrase of one word keeps
 * its date ("December 2025 snap-elections"), which alone would not say which.
 */
export function attributiveTitle(sentence: string, date: Span, clauseEnd: number, names: readonly string[] = []): string | undefined {
  const rest = sentence.slice(date.end, clauseEnd).replace(/^\s*,?\s*/, '');
  // The phrase ends where its verb starts ("... Oliver Ivanović" | "was"), or at a comma.
  const stop = rest.search(
    /,|;|\s(?:is|are|was|were|has|have|had|will|would|could|should|can|may|did|does|do|remains|seems|initially|also|still|which|who)\b|\s\w+ly\s(?!\w+ed\b)|\s(?:and|but)\s(?=\p{Ll}+(?:ed|ing)\b)|\sthat\s(?!(?:\w+ly\s)?\w+ed\b)/u,
  );
  let phrase = tidy(dropAsides(stop < 0 ? rest : rest.slice(0, stop)));
  // "the mayors of the ethnic Serbian majority municipalities North Mitrovica, Zvečan, ...": a list
  // of names does not fit a title; the phrase ends before it.
  if (stop >= 0 && /^,\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*,/u.test(rest.slice(stop))) phrase = phrase.replace(/(?:\s+\p{Lu}[\p{L}'’-]*)+$/u, '');
  if (!/^\p{L}/u.test(phrase)) return undefined;
  const dateText = sentence.slice(date.start, date.end).replace(/^(?:the|its|their)\s+/i, '').replace(/,\s*$/, '');
  if (NOT_EVENTS.test(phrase)) return undefined;
  const title = phrase.split(' ').length === 1 ? `${dateText} ${phrase}` : shorten(capitalise(phrase), names);
  return title && isAcceptableTitle(title) ? title : undefined;
}

/** What a year in front of a noun dates that is not an event: "the 2023 process", "the 2024 budget". */
const NOT_EVENTS = /^(?:process|period|year|budget|context|programme|program|strategy|report|reports|data|figures?|edition|version)\b/i;

/** Dates used as adjectives: "the 2018 killing", "the November 2022 resignations", "the Sept. 24, 2023, Banjska attack". */
export function isAttributive(sentence: string, date: Span): boolean {
  const before = sentence.slice(Math.max(0, date.start - 12), date.start);
  const after = sentence.slice(date.end, date.end + 30);
  return /\b(?:the|its|their|his|her)\s*$/i.test(before) && /^\s*,?\s*[\p{L}]/u.test(after) && !/^\s*,?\s*(?:and|or|to|in|on|at|by|for)\b/i.test(after);
}

/**
 * The noun phrase a date follows ("the grave security incident in Banjska in September 2023",
 * "the mass resignations of November 2022", "applying for EU membership in 2022"): from the
 * last comma, article or earlier date to the date, when no verb stands between them.
 * "regular elections that were held in February of 2025" reads as the clause it contains.
 */
export function precedingPhraseTitle(sentence: string, date: Span, from: number, names: readonly string[] = []): string | undefined {
  let before = sentence.slice(from, date.start);
  const punctuation = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'));
  if (punctuation >= 0) before = before.slice(punctuation + 1);
  // What follows "since", "after", "with the" is the phrase the date belongs to.
  const subordinate = [...before.matchAll(/\b(?:since|after|before|following|until|when|with the|by the|from the)\s+/gi)].at(-1);
  if (subordinate) before = before.slice(subordinate.index + subordinate[0].length);
  before = before
    .replace(/^\s*(?:and|or|such as|including)\s+/i, '')
    .replace(/^\s*\p{Ll}+(?:ed|ing)\s+(?:by|to|in)\s+/u, '')
    .replace(/\s+(?:of|in|on|at)\s*$/i, '');
  const passive = /(?:^|\s)(?:(?:the|a|an|before|after|from)\s+)?((?:[\p{L}-]+\s+){0,6}[\p{L}-]+)\s+(?:that|which)\s+(was|were)\s+(\p{Ll}+)(?:\s+back)?\s*$/u.exec(` ${before}`);
  let phrase = passive ? `${passive[1]} ${passive[2]} ${passive[3]}` : before;
  if (!passive) {
    // The longest phrase from an article with no verb in it, preferring one that starts on an
    // event ("a terrorist attack on the village of Banjska"; "the participants at the KCSS
    // roundtable" -> "KCSS roundtable"; "the grave security incident in Banjska").
    const heads = [...phrase.matchAll(/\b(?:the|a|an)\s+/gi)]
      .map((m) => phrase.slice(m.index + m[0].length))
      .filter((head) => !hasVerb(head));
    phrase = heads.find((head) => classifyKind(head.split(/\s+/).slice(0, 3).join(' ')) !== undefined) ?? heads[0] ?? phrase;
  }
  phrase = tidy(dropAsides(phrase));
  const words = phrase.split(' ');
  if (!passive && hasVerb(phrase)) return undefined;
  if (names.some((name) => name.toLowerCase() === phrase.toLowerCase())) return undefined;
  const title = shorten(capitalise(phrase), names);
  return title && words.length >= 2 && isAcceptableTitle(title) && classifyKind(title) !== undefined ? title : undefined;
}

/** A finite verb: "KSF achieved"; a participle inside a phrase ("the meeting hosted by") is none. */
function hasVerb(phrase: string): boolean {
  if (/\b(?:is|are|was|were|has|have|had|will|would|said|says|began|took|held)\b|[,;]/i.test(phrase)) return true;
  const words = phrase.split(/\s+/);
  return words.some((word, i) => i > 0 && /^\p{Ll}{3,}ed$/u.test(word) && words[i + 1] !== 'by');
}

/**
 * A date in a reduced relative clause dates the noun phrase the clause hangs on: "The NATO
 * Advisory and Liaison Team (NALT), formed in 2016, provides ..." -> "The NATO Advisory and
 * Liaison Team formed"; "Established in April 2008, the Kosovar Centre for Security Studies
 * (KCSS) is ..." -> "Kosovar Centre for Security Studies established".
 */
export function participleTitle(sentence: string, clause: Span, date: Span, names: readonly string[] = []): string | undefined {
  const before = sentence.slice(clause.start, date.start);
  const trailing = /^(.*?)(?:\s*\([^)]*\))?,\s+(?:then\s+)?(\p{Ll}+ed)\s+(?:\w+\s+){0,2}$/u.exec(before);
  if (trailing?.[1] && /^\s*(?:the\s+|an?\s+)?\p{Lu}/iu.test(trailing[1]) && !VERB_LIKE.test(trailing[1].replace(/\b\p{Ll}+ed\b/gu, ''))) {
    const title = shorten(capitalise(tidy(dropAsides(`${trailing[1]} ${trailing[2]}`))), names);
    return title && isAcceptableTitle(title) ? title : undefined;
  }
  const leading = /^\s*(\p{Lu}\p{Ll}+ed)\s+(?:\w+\s+){0,2}$/u.exec(before);
  const subject = /^\s*,\s*((?:the\s+)?\p{Lu}[^,]*?)\s+(?:is|are|was|were|has|have|had)\b/u.exec(sentence.slice(date.end, clause.end));
  if (leading?.[1] && subject?.[1]) {
    const title = shorten(capitalise(tidy(dropAsides(`${subject[1].replace(/^the\s+/i, '')} ${leading[1].toLowerCase()}`))), names);
    return title && isAcceptableTitle(title) ? title : undefined;
  }
  return undefined;
}

/** Nouns that name what happened to something: "the inauguration of the Kucova Tactical Air Base". */
const EVENT_NOUN_OF =
  /\b(?:the\s+)?(inauguration|establishment|accession|signing|launch|opening|creation|adoption|formation|deployment|arrest|killing|resignations?|indictment|recognition|suspension|lifting|introduction|approval|swearing in|dissolution|closure|expansion)\s+of\s+((?:[^,;.\u2013\u2014(]|,\s+(?=(?:and\s+)?\p{Lu}))+)/giu;

function lastEventNounPhrase(text: string): { noun: string; object: string; index: number } | undefined {
  const match = [...text.matchAll(EVENT_NOUN_OF)].at(-1);
  return match ? { noun: match[1] as string, object: (match[2] as string).trim(), index: match.index } : undefined;
}

/**
 * "the inauguration of the Kucova Tactical Air Base – NATO's first air base ..., on March 4,
 * 2024"; "the accession of Czechia, Hungary, and Poland in 1999, and Bulgaria ... in 2004":
 * the second list takes the first's noun.
 */
export function eventNounTitle(sentence: string, from: number, date: Span, previousDateEnd: number | undefined, names: readonly string[] = []): string | undefined {
  const segmentStart = previousDateEnd !== undefined && previousDateEnd >= from ? previousDateEnd : from;
  const own = lastEventNounPhrase(sentence.slice(segmentStart, date.start));
  let phrase: string | undefined;
  // No verb may stand between the phrase and its date.
  if (own && !VERB_LIKE.test(sentence.slice(segmentStart + own.index, date.start).replace(/\b\p{Ll}+ed\s+by\b/gu, ''))) phrase = `${own.noun} of ${own.object}`;
  else if (!own && segmentStart !== from) {
    const head = lastEventNounPhrase(sentence.slice(from, previousDateEnd));
    const items = sentence.slice(segmentStart, date.start).replace(/^[\s,]*(?:and\s+)?/, '');
    if (head && /^\p{Lu}/u.test(items) && !VERB_LIKE.test(items)) phrase = `${head.noun} of ${items}`;
  }
  if (!phrase) return undefined;
  const title = shorten(capitalise(tidy(dropAsides(phrase.replace(/\s+(?:in|on|during|by|at)\s*$/i, '')))), names);
  return title && isAcceptableTitle(title) ? title : undefined;
}
