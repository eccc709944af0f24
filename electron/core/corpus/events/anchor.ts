import type { Mention } from '../schema';
import type { SentenceSpan } from '../../text/sentences';
import { clauseAround } from './clause';

/** How far (in characters) an event's name may stand from its date. */
const MAX_ANCHOR_GAP = 40;
/** A previous sentence this short reads as a heading that names the event. */
const MAX_HEADING_SENTENCE = 60;
/** "in 2021 after the Washington agreement": the date belongs to another event than the name. */
const SEQUENCE_WORDS = /\b(?:after|before|following|since|until|prior to|ahead of)\b/i;
/** A comma, a conjunction or another year between name and date: the date belongs to another item of a list. */
const LIST_BREAK = /,|\band\b|\bor\b|\b(?:19|20)\d{2}\b/;
/** A sentence that opens with a pronoun continues the previous one's subject. */
const CONTINUATION = /^(?:This|These|It|They)\b/;

export interface AnchorContext {
  readonly passageText: string;
  readonly sentence: SentenceSpan;
  readonly previousSentence: SentenceSpan | undefined;
  /** Mentions of the passage that can name an event (events, laws and agreements, strategies). */
  readonly anchorMentions: readonly Mention[];
}

function within(m: Mention, s: SentenceSpan): boolean {
  return m.start >= s.start && m.end <= s.end;
}

/**
 * The mention that names the event a date belongs to. It stands right next to the date, in the
 * same clause ("the Sept. 24, 2023, Banjska attack", "Brussels Agreement (2013)", "approved the
 * Security Strategy"); a name further away in a long sentence is usually context. Failing
 * that, a short heading-like previous sentence names it ("Banjska terrorist attack. An armed
 * group attacked ... on 24 September 2023"), or the previous sentence when this one continues
 * it ("These took place from 26 May to 9 June 2025").
 */
export function findAnchor(ctx: AnchorContext, dateStartInSentence: number, dateEndInSentence: number): Mention | undefined {
  const { sentence, previousSentence, passageText } = ctx;
  const dateStart = sentence.start + dateStartInSentence;
  const dateEnd = sentence.start + dateEndInSentence;
  const clause = clauseAround(sentence.text, dateStartInSentence, dateEndInSentence);
  const clauseStart = sentence.start + clause.start;
  const clauseEnd = sentence.start + clause.end;
  const gap = (m: Mention) => Math.max(0, m.start - dateEnd, dateStart - m.end);
  const between = (m: Mention) => passageText.slice(Math.min(m.end, dateEnd), Math.max(m.start, dateStart));
  const nextToDate = ctx.anchorMentions
    .filter((m) => m.start >= clauseStart && m.end <= clauseEnd && gap(m) <= MAX_ANCHOR_GAP && !SEQUENCE_WORDS.test(between(m)) && !LIST_BREAK.test(m.end <= dateStart ? between(m).replace(/^,\s+\p{Ll}+ed\s+/u, ' ') : m.start >= dateEnd && /\bthe\s+$/i.test(passageText.slice(Math.max(0, dateStart - 5), dateStart)) ? between(m).replace(/^[\s,]+|[\s,]+$/g, '') : between(m)))
    .sort((a, b) => gap(a) - gap(b))[0];
  if (nextToDate) return nextToDate;
  if (!previousSentence) return undefined;
  const namesPrevious = previousSentence.text.length <= MAX_HEADING_SENTENCE || CONTINUATION.test(sentence.text);
  return namesPrevious ? ctx.anchorMentions.filter((m) => within(m, previousSentence)).at(-1) : undefined;
}
