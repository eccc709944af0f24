import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EntitySchema, type Entity } from '../schema';
import { prepareAlias } from './alias';

/** The file in seeds/ that holds the bundled entity catalogue. */
export const ENTITY_CATALOGUE_FILE = 'entities.json';

const CatalogueFileSchema = z.object({
  schemaVersion: z.literal(1),
  entities: z.array(EntitySchema),
});

/**
 * Problems that would make mentions ambiguous: two entities with one id, or one alias (after
 * folding, case and hyphen/space normalisation) claimed by two entities. Returned, not thrown,
 * so the same check can vet user-defined entities before they are saved.
 */
export function findCatalogueConflicts(entities: readonly Entity[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const owners = new Map<string, { entityId: string; alias: string }>();
  for (const entity of entities) {
    if (ids.has(entity.id)) problems.push(`duplicate entity id "${entity.id}"`);
    ids.add(entity.id);
    for (const alias of [entity.name, ...entity.aliases]) {
      const prepared = prepareAlias(entity.id, alias);
      if (!prepared) {
        problems.push(`entity "${entity.id}": alias "${alias}" has no letters or digits`);
        continue;
      }
      const owner = owners.get(prepared.key);
      if (owner && owner.entityId !== entity.id) {
        problems.push(`alias "${alias}" of "${entity.id}" is also claimed by "${owner.entityId}" ("${owner.alias}")`);
      } else if (!owner) {
        owners.set(prepared.key, { entityId: entity.id, alias });
      }
    }
  }
  return problems;
}

/** Reads and validates seeds/entities.json; throws with every problem found. */
export function loadEntityCatalogue(seedsDir: string): Entity[] {
  const path = join(seedsDir, ENTITY_CATALOGUE_FILE);
  const parsed = CatalogueFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${path} does not match the entity schema: ${parsed.error.message}`);
  }
  const problems = findCatalogueConflicts(parsed.data.entities);
  if (problems.length > 0) {
    throw new Error(`${path} is inconsistent:\n- ${problems.join('\n- ')}`);
  }
  return parsed.data.entities;
}
