/**
 * The clause of a sentence that a date belongs to, trimmed down to the event it states:
 * "The country is particularly seeing ethnic tensions in the north, where a terrorist attack
 * on the village of Banjska in September 2023 has had severe repercussions" -> "a terrorist
 * attack on the village of Banjska has had severe repercussions". Offsets stay in the
 * sentence so callers can find the entities the event's own words name.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A finite verb, roughly: enough to tell "and NATO had reminded everyone" from "and Slovenia". */
export const VERB_LIKE = /\b(?:is|are|was|were|has|have|had|will|would|did|does|do|can|could|may|might|must|should|took|began|sent|held|made|saw|led|met|won|gave|became|brought|\w{3,}ed)\b/i;

/**
 * Clause boundaries: semicolons, dashes used as breaks, and coordinating conjunctions after a
 * comma that start a clause of their own ("In August 2024, KFOR asked ..., and NATO had
 * reminded everyone in June 2023 that ..."). A conjunction that joins list items ("Czechia,
 * Hungary, and Poland in 1999, and Bulgaria ... in 2004") is not a boundary.
 */
export function clauseAround(sentence: string, start: number, end: number): Span {
  const breaks = /;|\s[\u2013\u2014-]\s|,\s+(?:and|but|while|whereas)\s+/g;
  let clauseStart = 0;
  let clauseEnd = sentence.length;
  for (const m of sentence.matchAll(breaks)) {
    const after = m.index + m[0].length;
    // A dash inside a quoted title ("“Building Trust under Difficult Conditions – Kosovo/Serbia ...”") breaks nothing.
    if (insideQuotes(sentence, m.index)) continue;
    if (m[0] !== ';') {
      // A new clause has a verb of its own, and so has the one it follows; otherwise the
      // conjunction or dash joins list items or an apposition ("..., and Spain (1982) joined NATO").
      const nextBreak = sentence.slice(after).search(/[;,]|\s[\u2013\u2014-]\s/);
      const following = sentence.slice(after, nextBreak < 0 ? undefined : after + nextBreak);
      const preceding = sentence.slice(clauseStart, m.index);
      if (!VERB_LIKE.test(following) || !VERB_LIKE.test(preceding)) continue;
    }
    if (after <= start) clauseStart = after;
    else if (m.index >= end) {
      clauseEnd = m.index;
      break;
    }
  }
  return { start: clauseStart, end: clauseEnd };
}

function insideQuotes(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return (before.match(/“/g) ?? []).length > (before.match(/”/g) ?? []).length;
}

/** Before the date: what follows one of these belongs to the clause the date is in. */
const HEAD_CUTS = /(?:,\s*|\s)(?:which|who|whom|whose|where|when|since|because|although|though|whereas)[,\s]+|,\s+(?:followed|leading to|resulting in)\s+|\s(?:Instead|However|Moreover|Furthermore),\s+/g;

/** After the date: comments on the event, not the event ("..., killing one officer"). */
const TAIL_CUTS = new RegExp(
  [
    String.raw`,?\s+(?:which|who|whom|whose|where|when)\b`,
    String.raw`,\s+(?:\p{Ll}+ing|though|although|commonly|respectively|especially|particularly|notably|mainly|thereby|thus|with|as|after|before|despite|amid|while|where|equipped|exemplified|stipulated|based)\b`,
    String.raw`\s+(?:following|after|before|despite|amid|because|due to|in response to|in protest|in order to|so that|as part of|as a result|in the wake of)\b`,
    String.raw`\s*\.\s*$`,
  ].join('|'),
  'giu',
);

/** Trims a clause to the event's own words: after a relative pronoun that precedes the date, before a comment that follows it. */
/** What may stand before a date that opens its clause: nothing, or a connective ("Additionally, in 2023, ..."). */
const OPENING = /^\W*(?:\p{L}+ly|however|then|also|later|meanwhile|furthermore|moreover|subsequently|finally|first|second|third|thus|still)?\W*$/iu;
/** Introductory phrases between an opening date and its clause: "In May 2023, in response to ..., including ..., an additional 700 troops were deployed". */
const INTRODUCTORY = /^\s*,?\s*(?:in|on|at|by|during|after|following|amid|with|under|due to|in response to|as part of|despite|including|according to|for)\b[^,]{0,110},\s*/i;

export function eventSpan(sentence: string, clause: Span, date: Span): Span {
  let start = clause.start;
  const before = sentence.slice(clause.start, date.start);
  const after = sentence.slice(date.end, clause.end);
  const opening = OPENING.test(before) || /\b(?:was|were|is|are)\s+$/i.test(before);
  if (opening) {
    // "In May 2024, Kosovo was granted ..."; "... was in May 2024 Kosovo's status ... was upgraded".
    start = date.start;
  } else {
    for (const m of before.matchAll(HEAD_CUTS)) {
      const cut = clause.start + m.index + m[0].length;
      // Keep at least the date's own phrase: a cut right before it would leave nothing.
      if (cut < date.start) start = cut;
    }
  }
  let end = clause.end;
  if (!opening && (/^\s*,\s*(?:the\s+)?\p{Lu}/u.test(after) || (/^\s*,\s*(?:the|a|an)\s/.test(after) && VERB_LIKE.test(after.split(',')[1] ?? '')))) {
    // "since Prime Minister Albin Kurti took office in 2021, Kosovo's defense budget has increased":
    // the main clause after the comma is not the dated one.
    end = date.end;
  } else if (!opening && /^\s*,/.test(after) && !VERB_LIKE.test(after.slice(1).split(',')[0] ?? '')) {
    // "applying for EU membership in 2022, and access to ...": the next list item.
    end = date.end;
  } else {
    // After an opening date, comments are looked for only once its own clause has begun.
    let from = 0;
    if (opening) for (let m = INTRODUCTORY.exec(after.slice(from)); m; m = INTRODUCTORY.exec(after.slice(from))) from += m[0].length;
    for (const m of after.slice(from).matchAll(TAIL_CUTS)) {
      if (from === 0 && m.index === 0 && opening && !/^,?\s+(?:which|who|where|when)\b/i.test(m[0])) continue;
      end = date.end + from + m.index;
      break;
    }
  }
  return { start, end };
}
