import type { CorpusEvent, Entity, EntityType, Mention, Passage } from '../schema';
import { splitSentences, type SentenceSpan } from '../../text/sentences';
import { findDates } from './dates';
import { mergeCandidates, type EventCandidate } from './merge';
import { titleFromSentence } from './title';
import { findAnchor } from './anchor';

export { findDates, type DateExpression } from './dates';

/** Entity types that can name a dated event: "the Banjska attack", "the Ohrid Annex". */
const ANCHOR_TYPES: ReadonlySet<EntityType> = new Set(['event', 'law-or-agreement', 'strategy']);

/** Passages whose dates are not events: footnote dates are publication dates, headings have none. */
function carriesEvents(p: Passage): boolean {
  return p.kind !== 'footnote' && p.kind !== 'heading' && !p.backMatter;
}

/** Interview attributions ("Interview with ..., March 2026") and citations date a source, not an event. */
const SOURCE_NOTE = /\bInterview with\b|\bRead more\b|\bRetrieved\b|\bAccessed\b/i;

function within(m: Mention, s: SentenceSpan): boolean {
  return m.start >= s.start && m.end <= s.end;
}

/**
 * Dated events found in the passages. Each date expression yields a candidate titled by the
 * event, law or strategy entity named next to it (when `entities` gives their types) or by its
 * clause. Candidates for the same event in several passages are merged: same date, or one date
 * a less precise form of the other, and the same anchor entity or a shared distinctive entity.
 * Ids are derived from date and title, so rebuilding the corpus keeps them.
 */
export function extractEvents(passages: Passage[], mentions: Mention[], entities: readonly Entity[] = []): CorpusEvent[] {
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const mentionsByPassage = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = mentionsByPassage.get(m.passageId);
    if (list) list.push(m);
    else mentionsByPassage.set(m.passageId, [m]);
  }
  const isAnchor = (m: Mention) => {
    const type = entityById.get(m.entityId)?.type;
    return type !== undefined && ANCHOR_TYPES.has(type);
  };

  const candidates: EventCandidate[] = [];
  passages.filter(carriesEvents).forEach((passage, passageRank) => {
    const passageMentions = mentionsByPassage.get(passage.id) ?? [];
    const anchorMentions = passageMentions.filter(isAnchor);
    const sentences = splitSentences(passage.text);
    sentences.forEach((sentence, index) => {
      if (SOURCE_NOTE.test(sentence.text)) return;
      const inSentence = passageMentions.filter((m) => within(m, sentence));
      for (const date of findDates(sentence.text)) {
        // "as of October 2025" dates a figure, not an event.
        if (/\bas of\s*$/i.test(sentence.text.slice(Math.max(0, date.start - 8), date.start))) continue;
        const anchor = findAnchor(
          { passageText: passage.text, sentence, previousSentence: sentences[index - 1], anchorMentions },
          date.start,
          date.end,
        );
        const title = anchor ? (entityById.get(anchor.entityId)?.name ?? anchor.text) : titleFromSentence(sentence.text, date.start, date.end);
        if (!title) continue;
        const entityIds = [...new Set([...(anchor ? [anchor.entityId] : []), ...inSentence.map((m) => m.entityId)])];
        candidates.push({ date: date.date, title, anchorId: anchor?.entityId, passageId: passage.id, rank: passageRank, entityIds });
      }
    });
  });

  const passagesWithMentions = new Set(mentions.map((m) => m.passageId)).size;
  const passageCountByEntity = new Map<string, number>();
  for (const [entityId, passageIds] of groupPassagesByEntity(mentions)) passageCountByEntity.set(entityId, passageIds.size);
  // An entity in a tenth of all passages (Kosovo, NATO, the EU) says nothing about which event
  // a sentence describes; places are settings, not events.
  const ubiquitous = Math.max(3, Math.ceil(passagesWithMentions * 0.1));
  const isDistinctive = (entityId: string) =>
    entityById.get(entityId)?.type !== 'place' && (passageCountByEntity.get(entityId) ?? 0) <= ubiquitous;

  return mergeCandidates(candidates, isDistinctive);
}

function groupPassagesByEntity(mentions: readonly Mention[]): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const m of mentions) {
    const set = groups.get(m.entityId);
    if (set) set.add(m.passageId);
    else groups.set(m.entityId, new Set([m.passageId]));
  }
  return groups;
}
