/**
 * Alias expansion from the entity catalogue: a query naming an entity by any of its names
 * (`KSF`, `Radojicic`) also finds the text that uses its other names ("Kosovo Security
 * Force", "Radoičić"). Names are compared as sequences of index terms, so spelling and
 * diacritics do not matter.
 */
import type { Entity } from '../corpus/schema';
import { termKey } from './pipeline';
import { splitWords } from './words';

export interface EntityName {
  /** The name's words, lower-cased. */
  words: string[];
}

export interface AliasMatch {
  /** How many query words the name covered. */
  length: number;
  entityIds: string[];
  /** Every name of those entities, the one typed included. */
  names: EntityName[];
}

/** Names longer than this are not looked for in queries: nobody types them in full. */
const MAX_NAME_WORDS = 8;

export class AliasCatalogue {
  private readonly entitiesByName = new Map<string, Set<string>>();
  private readonly namesByEntity = new Map<string, EntityName[]>();

  constructor(entities: readonly Pick<Entity, 'id' | 'name' | 'aliases'>[]) {
    for (const entity of entities) {
      const names = new Map<string, EntityName>();
      for (const name of [entity.name, ...entity.aliases]) {
        const words = splitWords(name).map((w) => w.word);
        const keys = words.map(termKey);
        if (keys.length === 0 || keys.length > MAX_NAME_WORDS || keys.some((key) => !key)) continue;
        const joined = keys.join(' ');
        names.set(joined, { words });
        let ids = this.entitiesByName.get(joined);
        if (!ids) this.entitiesByName.set(joined, (ids = new Set()));
        ids.add(entity.id);
      }
      this.namesByEntity.set(entity.id, [...names.values()]);
    }
  }

  /** The longest entity name starting at `from` in the query's term keys, if any. */
  matchAt(keys: readonly string[], from: number): AliasMatch | undefined {
    for (let length = Math.min(MAX_NAME_WORDS, keys.length - from); length >= 1; length--) {
      const ids = this.entitiesByName.get(keys.slice(from, from + length).join(' '));
      if (!ids) continue;
      const names = new Map<string, EntityName>();
      for (const id of ids) for (const name of this.namesByEntity.get(id) ?? []) names.set(name.words.map(termKey).join(' '), name);
      return { length, entityIds: [...ids], names: [...names.values()] };
    }
    return undefined;
  }
}
