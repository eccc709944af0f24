import { EntitySchema } from '../corpus/schema';
import { defineCollection } from '../store/collection-definition';

/**
 * Entities a user added to the workspace beside the corpus catalogue (a unit, a person the
 * papers do not name). Same shape as a catalogue entity, marked `userDefined`. Round 1 kept
 * them in `entities.json` as `{entities: […]}`.
 */
export const UserEntitySchema = EntitySchema;

export const userEntitiesCollection = defineCollection({
  name: 'entities',
  version: 2,
  schema: UserEntitySchema,
  legacy: { file: 'entities.json', records: (data) => (data as { entities?: unknown[] }).entities ?? [] },
});
