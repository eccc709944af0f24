import type { CorpusEvent, Entity, EntityType, Mention, Passage } from '../schema';
import { findCandidates, type EventCandidate } from './candidates';
import { assembleEvents, groupCandidates, type Conflict } from './merge';
import { FeatureWeights, contentWords, features } from './similarity';

const CONTEXT_WEIGHT = 0.35;

export { findDates, type DateExpression } from './dates';
export { formatEventDate, nested, overlaps, precisionOf, spanOf, isValidEventDate, subYearGroupings, datePrecisions, type DatePrecision } from './event-date';
export { classifyKind } from './kind';
export { isAcceptableTitle, MAX_TITLE } from './title';
export { findCandidates, type EventCandidate } from './candidates';
export { applyEventEdits, type EventEdit, type EditOutcome } from './edits';

/** Entity types whose members are different things: two countries, two organisations, two agreements. */
const CONFLICTING_TYPES: ReadonlySet<EntityType> = new Set(['person', 'organisation', 'place', 'event', 'law-or-agreement', 'strategy']);
const DOCUMENT_TYPES: ReadonlySet<EntityType> = new Set(['law-or-agreement', 'strategy']);
/** Entities in more than this share of passages (Kosovo, NATO) are the papers' subject, not what tells events apart. */
const SUBJECT_SHARE = 0.3;

/**
 * Two mentions conflict when each names an entity of some type that the other does not, among
 * entities that are not the papers' subject: "Kenya (March)" and "Sudan (April)".
 */
function entityConflict(entities: readonly Entity[], mentions: readonly Mention[], passageCount: number): Conflict {
  const typeOf = new Map(entities.map((e) => [e.id, e.type]));
  const passagesOf = new Map<string, Set<string>>();
  for (const m of mentions) (passagesOf.get(m.entityId) ?? passagesOf.set(m.entityId, new Set()).get(m.entityId))?.add(m.passageId);
  const telling = (id: string) => (passagesOf.get(id)?.size ?? 0) <= Math.max(2, passageCount * SUBJECT_SHARE) && CONFLICTING_TYPES.has(typeOf.get(id) as EntityType);
  // A law or strategy is one event (its signing, adoption); what is done under it is another,
  // unless the other mention names it too.
  const namesOf = new Map(entities.map((e) => [e.id, [e.name, ...e.aliases].map((n) => n.toLowerCase())]));
  const names = (c: EventCandidate, entityId: string) => {
    const words = `${c.text} ${c.context}`.toLowerCase();
    return c.entityIds.includes(entityId) || (namesOf.get(entityId) ?? []).some((n) => words.includes(n));
  };
  const documentAnchor = (c: EventCandidate) => (c.anchorId && DOCUMENT_TYPES.has(typeOf.get(c.anchorId) as EntityType) ? c.anchorId : undefined);
  return (a, b) => {
    const anchorA = documentAnchor(a);
    const anchorB = documentAnchor(b);
    if ((anchorA && !names(b, anchorA)) || (anchorB && !names(a, anchorB))) return true;
    for (const type of CONFLICTING_TYPES) {
      const ofType = (c: EventCandidate) => c.entityIds.filter((id) => typeOf.get(id) === type && telling(id));
      const x = ofType(a);
      const y = ofType(b);
      if (x.some((id) => !y.includes(id)) && y.some((id) => !x.includes(id))) return true;
    }
    return false;
  };
}

/**
 * Dated events found in the passages, merged across passages and papers. Each date expression
 * yields a candidate titled by the event entity named next to it, by the noun phrase it dates,
 * by a chronology table's heading, or by its own trimmed clause. Candidates whose dates agree
 * and whose wording is similar become one event with one source per paper. Ids come from date
 * and name, so rebuilding the corpus keeps them.
 */
export function extractEvents(passages: readonly Passage[], mentions: readonly Mention[], entities: readonly Entity[] = []): CorpusEvent[] {
  const candidates = findCandidates(passages, mentions, entities);
  const entitiesByPassage = new Map<string, string[]>();
  for (const m of mentions) {
    const list = entitiesByPassage.get(m.passageId);
    if (list) list.push(m.entityId);
    else entitiesByPassage.set(m.passageId, [m.entityId]);
  }
  const weights = new FeatureWeights();
  for (const passage of passages) weights.add(features(passage.text, entitiesByPassage.get(passage.id) ?? []));
  // The event's own words count fully, the rest of its clause a third: a long sentence around
  // a date must not drown what two mentions of one event share.
  const vectors = candidates.map((c) => weights.vector([...features(c.text, c.entityIds), ...features(c.context, [])], (i, all) => (i < all.length - contentWords(c.context).length ? 1 : CONTEXT_WEIGHT)));
  return assembleEvents(candidates, groupCandidates(candidates, vectors, entityConflict(entities, mentions, passages.length)));
}
