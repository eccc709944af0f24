import type { Entity, EntityType, EventKind, Mention, Passage } from '../schema';
import { splitSentences, type SentenceSpan } from '../../text/sentences';
import { findAnchor } from './anchor';
import { clauseAround, eventSpan, type Span } from './clause';
import { findDates, type DateExpression } from './dates';
import { nested, spanDays } from './event-date';
import { classifyKind } from './kind';
import { attributiveTitle, clauseTitle, eventNounTitle, eventText, isAcceptableTitle, isAttributive, participleTitle, precedingPhraseTitle, shorten } from './title';

/** One dated mention of an event in one sentence, before mentions of the same event are merged. */
export interface EventCandidate {
  readonly date: string;
  readonly docId: string;
  readonly passageId: string;
  /** Position of the passage in corpus order, to keep output and choices deterministic. */
  readonly rank: number;
  /** The sentence that mentions the event, as offsets in the passage text. */
  readonly quote: Span;
  /** The best title this mention offers, if any reads well, and how good it is. */
  readonly title: string | undefined;
  readonly titleScore: number;
  /** The event, law or strategy entity that names it, if one stands next to the date. */
  readonly anchorId: string | undefined;
  /** The entities among the event's own words (not the sentence's comments on it). */
  readonly entityIds: readonly string[];
  /** The event's own words, for similarity with other mentions. */
  readonly text: string;
  /** The rest of its clause, which counts for less. */
  readonly context: string;
  readonly kind: EventKind;
}

/** Entity types that can name a dated event: "the Banjska attack", "the Ohrid Annex". */
const ANCHOR_TYPES: ReadonlySet<EntityType> = new Set(['event', 'law-or-agreement', 'strategy']);

/** Footnotes cite and date their sources; headings have no events. */
function carriesEvents(p: Passage): boolean {
  return p.kind !== 'footnote' && p.kind !== 'heading';
}

/** Interview attributions ("Interview with ..., March 2026") and citations date a source, not an event. */
const SOURCE_NOTE = /\bInterview with\b|\bRead more\b|\bRetrieved\b|\bAccessed\b|\bISBN\b/i;
/** "the 2025 country report", "A survey conducted in early 2023": the date of a publication. */
const PUBLICATION = /\b(?:survey|poll|report|barometer|review|study|studies|paper|book|analysis|index|research)\b/i;
/** "As Gëzim Visoka said in 2021": the date of a statement about events, not of one. */
const SPEECH = /\b(?:said|says|wrote|writes|noted|notes|argued|argues|pointed out|stated|states|suggests?|describes?|reported|reports|warned|estimates?)\s*$/i;
/** A verb in the past tense or a passive: what happened, as opposed to what is. */
const HAPPENED = /\b(?:was|were|had|took|began|sent|held|made|saw|led|met|won|gave|became|brought|set|signed|\w{3,}ed)\b/i;

/** Scores of the ways a mention can title an event: a chronology's own heading beats a trimmed clause. */
const SCORE = { tableHeading: 5, unrefinedHeading: 3.3, eventName: 4.5, eventNoun: 3.5, meeting: 2.2, participle: 3.2, phrase: 3, clause: 2, documentName: 1.5 } as const;

interface CandidateContext {
  readonly passage: Passage;
  readonly rank: number;
  readonly mentions: readonly Mention[];
  readonly entityById: ReadonlyMap<string, Entity>;
}

interface TitleOption {
  readonly title: string;
  readonly score: number;
  /** A phrase or name that is the event's own words (its clause says more about other things). */
  readonly isPhrase?: boolean;
}

function best(options: readonly TitleOption[]): TitleOption | undefined {
  return [...options].sort((a, b) => b.score - a.score)[0];
}

function entitiesIn(ctx: CandidateContext, start: number, end: number): string[] {
  return [...new Set(ctx.mentions.filter((m) => m.start >= start && m.end <= end).map((m) => m.entityId))];
}

/** Whether one of the entity's mentions in the passage is written in `text`. */
function namedIn(ctx: CandidateContext, entityId: string, text: string): boolean {
  const lower = text.toLowerCase();
  return ctx.mentions.some((m) => m.entityId === entityId && lower.includes(m.text.toLowerCase()));
}

function isAnchorMention(ctx: CandidateContext, m: Mention): boolean {
  const type = ctx.entityById.get(m.entityId)?.type;
  return type !== undefined && ANCHOR_TYPES.has(type);
}

/** A date that names something other than an event: a survey's, a speech's, a period's start. */
function datesSomethingElse(sentence: string, date: DateExpression, clauseStart: number): boolean {
  if (date.lead === 'since' || date.lead === 'until' || date.lead === 'as of') return true;
  if (date.lead === 'from' && !date.date.includes('/')) return true;
  const before = sentence.slice(Math.max(clauseStart, date.start - 30), date.start);
  const after = sentence.slice(date.end, date.end + 30);
  if (date.form === 'attributive' || /^\s+\p{Ll}/u.test(after)) {
    if (PUBLICATION.test(after.split(/[,;]/)[0] ?? '') && /^\s*(?:[\p{Lu}\p{Ll}'’-]+\s+){0,2}(?:survey|poll|report|barometer|review|study|paper|book)\b/iu.test(after)) return true;
  }
  // "from about €450 million in 2021 to €900 million in 2025": the dates of figures.
  if (/(?:[€$%]|\bmillion|\bbillion|\bpercent)\s*(?:\S+\s+){0,2}$/i.test(before)) return true;
  return PUBLICATION.test(before.split(/[,;]/).at(-1) ?? '') || SPEECH.test(before.replace(/\s*$/, ' ').replace(/\s+(?:in|on|during)\s*$/i, ''));
}

/**
 * Dates in brackets after each item of a list ("Greece, Türkiye (1952), West Germany (1955),
 * and Spain (1982) joined NATO"; "the membership of Albania and Croatia (2009), Montenegro
 * (2017)"; "four countries recognizing Kosovo, Kenya (March), Sudan (April)"): each item takes
 * the list's predicate.
 */
function listItemTitle(sentence: string, clause: Span, date: DateExpression, bracketed: readonly DateExpression[]): string | undefined {
  const inClause = bracketed.filter((d) => d.start >= clause.start && d.end <= clause.end);
  if (inClause.length < 2) return undefined;
  const index = inClause.indexOf(date);
  const previous = inClause[index - 1];
  const first = inClause[0] as DateExpression;
  const last = inClause.at(-1) as DateExpression;
  const lead = sentence.slice(clause.start, first.start);
  let itemStart: number;
  if (previous) itemStart = previous.end;
  else {
    const comma = lead.lastIndexOf(', ');
    const of = lead.lastIndexOf(' of ');
    itemStart = clause.start + (comma < 0 && of < 0 ? 0 : comma > of ? comma + 2 : of + 4);
  }
  const item = sentence
    .slice(itemStart, date.start)
    .replace(/^[\s,]*(?:and\s+)?/i, '')
    .trim();
  if (!/^(?:the\s+)?\p{Lu}/u.test(item)) return undefined;
  const predicateAfter = sentence.slice(last.end, clause.end).trim().replace(/[.,;]+$/, '');
  if (/^\p{Ll}+(?:ed|s)\b/u.test(predicateAfter) && !/^(?:were|was|is|has)\b/.test(predicateAfter)) return shorten(`${capitalise(item)} ${predicateAfter}`);
  const listStart = sentence.lastIndexOf(',', first.start - 1) > clause.start ? sentence.slice(clause.start, sentence.lastIndexOf(',', first.start - 1)) : lead;
  const participle = /\b(\p{Ll}+ing)\s+([\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*)\s*$/u.exec(listStart);
  if (participle) return shorten(`${capitalise(item)} ${participle[1]} ${participle[2]}`);
  // "the membership of Albania and Croatia (2009)": the noun before the list heads every item.
  const noun = [...lead.matchAll(/\bthe\s+(\p{Ll}+)\s+of\s+/gu)].at(-1)?.[1];
  return noun ? `${capitalise(noun)} of ${item}` : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The names of the entities mentioned in a sentence, which a shortened title must not cut through. */
function namesIn(ctx: CandidateContext, sentence: SentenceSpan): string[] {
  return ctx.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end).map((m) => m.text);
}

/** A subordinate "since its establishment in 2008": the date belongs to that phrase, not to the clause around it. */
function inSubordinatePhrase(sentence: string, date: DateExpression): boolean {
  return /\b(?:since|after|before|following|until)\s+(?:its|their|his|her|the|it|they)\s+(?:\S+\s+){0,4}$/i.test(sentence.slice(Math.max(0, date.start - 60), date.start));
}

function titleOptions(ctx: CandidateContext, sentence: SentenceSpan, date: DateExpression, dates: readonly DateExpression[], anchor: Mention | undefined): TitleOption[] {
  const text = sentence.text;
  const names = namesIn(ctx, sentence);
  const clause = clauseAround(text, date.start, date.end);
  const span = eventSpan(text, clause, date);
  const anchorEntity = anchor ? ctx.entityById.get(anchor.entityId) : undefined;
  const options: TitleOption[] = [];
  const attributive = date.form === 'attributive' || isAttributive(text, date);
  // "the 1995 Erdut Agreement": a name the date stands in front of is the title.
  const namedAfterDate = attributive && anchor !== undefined && anchor.start - sentence.start - date.end <= 2;
  // "Law No. 04/L-076, adopted by the Kosovo Assembly in 2012": the name the participle hangs on.
  const participleAfterName = anchor !== undefined && /^,\s+\p{Ll}+ed\s+(?:\S+\s+){0,5}$/u.test(ctx.passage.text.slice(anchor.end, sentence.start + date.start));
  if (anchorEntity?.type === 'event' || (anchorEntity && (namedAfterDate || participleAfterName))) options.push({ title: anchorEntity.name, score: SCORE.eventName, isPhrase: true });
  else if (anchorEntity) options.push({ title: anchorEntity.name, score: SCORE.documentName, isPhrase: true });
  if (date.form === 'bracketed') {
    const list = listItemTitle(text, clause, date, dates.filter((d) => d.form === 'bracketed'));
    if (list && isAcceptableTitle(list)) options.push({ title: list, score: SCORE.phrase, isPhrase: true });
    // "Brussels Agreement (2013)": the name in front of the bracket is the title.
    if (list || (anchor && sentence.start + date.start - anchor.end <= 2)) return options;
  }
  const previousDate = dates.filter((d) => d.end <= date.start && d.end > clause.start).at(-1);
  if (attributive) {
    const title = attributiveTitle(text, date, clause.end, names);
    if (title) options.push({ title, score: SCORE.phrase, isPhrase: true });
  }
  const spanFrom = span.start > date.start ? clause.start : span.start;
  const from = Math.max(spanFrom, previousDate?.end ?? 0);
  const nounTitle = eventNounTitle(text, spanFrom, date, previousDate?.end, names);
  if (nounTitle) options.push({ title: nounTitle, score: SCORE.eventNoun, isPhrase: true });
  const phrase = attributive ? undefined : precedingPhraseTitle(text, date, from, names);
  if (phrase) options.push({ title: phrase, score: SCORE.phrase, isPhrase: true });
  const participle = attributive ? undefined : participleTitle(text, clause, date, names);
  // "The First Agreement of Principles ..., reached in 2013": a name is a better title than the name plus "reached".
  if (participle && !(anchorEntity && participle.toLowerCase().includes((anchor?.text ?? '').toLowerCase()))) options.push({ title: participle, score: SCORE.participle, isPhrase: true });
  else if (participle && anchorEntity) options.push({ title: anchorEntity.name, score: SCORE.eventName, isPhrase: true });
  if (!attributive && !participle && !inSubordinatePhrase(text, date)) {
    const title = clauseTitle(eventText(text, span, date), names);
    if (title) {
      // A clause that holds the phrase reads better than the phrase alone: "Ilazi held the position of ...".
      const holdsPhrase = [phrase, nounTitle, anchorEntity?.name].some((p) => p !== undefined && title.toLowerCase().includes(p.toLowerCase()) && title.length > p.length);
      options.push({ title, score: SCORE.clause + (holdsPhrase ? 2 : 0) - title.length / 100 });
    }
  }
  // "the 47th RSSEE workshop on ..., convened ... in Pristina and Mitrovica, Kosovo, 19 – 22 September 2024".
  const meeting = MEETING.exec(text.slice(clause.start, date.start))?.[1];
  if (meeting && options.length === 0 && isAcceptableTitle(capitalise(meeting))) options.push({ title: capitalise(meeting), score: SCORE.meeting, isPhrase: true });
  return options;
}

/** A named meeting, workshop or summit. */
const MEETING = /\b(?:the\s+)?((?:\d+(?:st|nd|rd|th)\s+)?(?:[\p{Lu}][\p{L}-]*\s+){1,3}(?:workshop|roundtable|conference|summit|seminar|forum))\b/u;

function sentenceCandidates(ctx: CandidateContext, sentence: SentenceSpan, previous: SentenceSpan | undefined): EventCandidate[] {
  if (SOURCE_NOTE.test(sentence.text)) return [];
  const dates = findDates(sentence.text);
  const anchorMentions = ctx.mentions.filter((m) => isAnchorMention(ctx, m));
  const found: EventCandidate[] = [];
  for (const date of dates) {
    const clause = clauseAround(sentence.text, date.start, date.end);
    if (datesSomethingElse(sentence.text, date, clause.start)) continue;
    const span = eventSpan(sentence.text, clause, date);
    let anchor = findAnchor({ passageText: ctx.passage.text, sentence, previousSentence: previous, anchorMentions }, date.start, date.end);
    // A date in front of a phrase names that phrase's thing: "the 2018 killing" is not the Banjska attack before it.
    if (anchor && (date.form === 'attributive' || isAttributive(sentence.text, date)) && anchor.end <= sentence.start + date.start) anchor = undefined;
    const anchorEntity = anchor ? ctx.entityById.get(anchor.entityId) : undefined;
    const chosen = best(titleOptions(ctx, sentence, date, dates, anchor));
    const text = eventText(sentence.text, span, date);
    // An event entity's description says what a bare name does not ("Defender Europe": a military exercise).
    const kind =
      classifyKind(chosen?.title ?? text, anchorEntity?.type === 'event' ? undefined : anchorEntity?.type) ??
      (anchorEntity ? classifyKind(anchorEntity.description) : undefined) ??
      (HAPPENED.test(text) ? 'other' : undefined);
    if (kind === undefined) continue;
    const spanStart = sentence.start + Math.min(span.start, date.start);
    // A phrase title is the event's own words; otherwise its trimmed clause is.
    const own = chosen?.isPhrase ? (chosen.title as string) : `${chosen?.title ?? ''} ${text}`;
    const entityIds = [
      ...new Set([...(anchor ? [anchor.entityId] : []), ...entitiesIn(ctx, spanStart, sentence.start + span.end).filter((id) => !chosen?.isPhrase || namedIn(ctx, id, own))]),
    ];
    found.push({
      date: date.date,
      docId: ctx.passage.docId,
      passageId: ctx.passage.id,
      rank: ctx.rank,
      quote: { start: sentence.start, end: sentence.end },
      title: chosen?.title,
      titleScore: chosen?.score ?? 0,
      anchorId: anchor?.entityId,
      entityIds,
      text: own,
      context: sentence.text.slice(clause.start, clause.end).split(/\b(?:following|after|before|since|which|who)\b/)[0] ?? '',
      kind,
    });
  }
  return found;
}

/**
 * A row of a chronology table ("2023 | Banjska terrorist attack. An armed Serb group attacked
 * Kosovo Police in Banjska on 24 September 2023 ..."): the row is one event, titled by the
 * heading its authors gave it and dated by the most precise date in the row within its year.
 */
function tableRowCandidate(ctx: CandidateContext): EventCandidate | undefined {
  const [yearCell, development] = ctx.passage.cells ?? [];
  if (!yearCell || !development || !/^(?:19|20)\d{2}$/.test(yearCell.trim())) return undefined;
  const offset = ctx.passage.text.indexOf(development);
  const sentences = splitSentences(development);
  const heading = sentences[0];
  if (!heading) return undefined;
  const refined = findDates(development)
    .map((d) => d.date)
    .filter((date) => nested(date, yearCell.trim()))
    .sort((a, b) => spanDays(a) - spanDays(b))[0];
  const date = refined ?? yearCell.trim();
  const title = shorten(heading.text.replace(/[.\s]+$/, ''));
  const detail = sentences.find((s) => findDates(s.text).some((d) => d.date === date))?.text ?? sentences[1]?.text ?? '';
  const anchorMention = ctx.mentions.find((m) => isAnchorMention(ctx, m) && m.start >= offset && m.end <= offset + heading.end);
  const kind = classifyKind(`${title ?? ''} ${detail}`, anchorMention ? ctx.entityById.get(anchorMention.entityId)?.type : undefined) ?? 'other';
  return {
    date,
    docId: ctx.passage.docId,
    passageId: ctx.passage.id,
    rank: ctx.rank,
    quote: { start: Math.max(0, offset), end: Math.max(0, offset) + development.length },
    title: title && isAcceptableTitle(title) ? title : undefined,
    // A row dated by its year only sums up the year ("Crisis in the north of Kosovo, clashes with
    // KFOR, and EU measures against Kosovo"): a more precise mention names its event better.
    titleScore: refined ? SCORE.tableHeading : SCORE.unrefinedHeading,
    anchorId: anchorMention?.entityId,
    entityIds: entitiesIn(ctx, offset, offset + heading.end + 1 + detail.length),
    text: heading.text,
    context: detail,
    kind,
  };
}

/** Every dated mention of an event in the passages, in corpus order. */
export function findCandidates(passages: readonly Passage[], mentions: readonly Mention[], entities: readonly Entity[]): EventCandidate[] {
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const mentionsByPassage = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = mentionsByPassage.get(m.passageId);
    if (list) list.push(m);
    else mentionsByPassage.set(m.passageId, [m]);
  }
  const candidates: EventCandidate[] = [];
  passages.filter(carriesEvents).forEach((passage, rank) => {
    const ctx: CandidateContext = { passage, rank, mentions: mentionsByPassage.get(passage.id) ?? [], entityById };
    if (passage.kind === 'table-row') {
      const row = tableRowCandidate(ctx);
      if (row) candidates.push(row);
      return;
    }
    const sentences = splitSentences(passage.text);
    sentences.forEach((sentence, index) => candidates.push(...sentenceCandidates(ctx, sentence, sentences[index - 1])));
  });
  return candidates;
}
