import type { Entity, Mention, Passage } from '../schema';
import { EntityMatcher } from './matcher';

export { loadEntityCatalogue, findCatalogueConflicts, ENTITY_CATALOGUE_FILE } from './catalogue';
export { EntityMatcher, type AliasMatch } from './matcher';

/**
 * Finds every mention of a catalogue entity in the passages: diacritic-insensitive,
 * case-insensitive except for short acronyms, whole words, longest name first, offsets in the
 * passage's original text. Mentions come out in passage order, then text order.
 */
export function detectMentions(passages: Pick<Passage, 'id' | 'docId' | 'text'>[], entities: Entity[]): Mention[] {
  const matcher = new EntityMatcher(entities);
  const mentions: Mention[] = [];
  for (const passage of passages) {
    for (const m of matcher.match(passage.text)) {
      mentions.push({
        entityId: m.entityId,
        passageId: passage.id,
        docId: passage.docId,
        start: m.start,
        end: m.end,
        text: passage.text.slice(m.start, m.end),
      });
    }
  }
  return mentions;
}
