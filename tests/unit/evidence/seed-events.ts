import { detectMentions, loadEntityCatalogue } from '../../../electron/core/corpus/entities/index';
import { extractEvents } from '../../../electron/core/corpus/events/index';
import type { CorpusEvent, Entity, Mention, Passage } from '../../../electron/core/corpus/schema';
import { DOC, parsedSeeds, seedsDir } from '../corpus/parsed-seeds';

/** The seed papers as the corpus build reads them (real parser, real entity catalogue), once per test file. */
export interface SeedCorpus {
  passages: Passage[];
  entities: Entity[];
  mentions: Mention[];
  events: CorpusEvent[];
}

let cache: SeedCorpus | undefined;

export function seedCorpus(): SeedCorpus {
  if (!cache) {
    const passages = [...parsedSeeds().values()].flatMap((seed) => seed.passages);
    const entities = loadEntityCatalogue(seedsDir);
    const mentions = detectMentions(passages, entities);
    cache = { passages, entities, mentions, events: extractEvents(passages, mentions, entities) };
  }
  return cache;
}

export { DOC };
