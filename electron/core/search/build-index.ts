/**
 * Building, saving and loading a lunr index of search documents. The bundled corpus index is
 * built once by the corpus build and saved as lunr's JSON; the app only loads it.
 */
import lunr from 'lunr';
import { configureBuilder, registerSearchPipeline } from './pipeline';
import type { SearchDocument } from './types';

/** Indexed fields and their boosts: a word in a title says more than the same word in a body. */
export const FIELD_BOOSTS = { title: 4, keywords: 2, text: 1 } as const;
export type IndexedField = keyof typeof FIELD_BOOSTS;
export const INDEXED_FIELDS = Object.keys(FIELD_BOOSTS) as IndexedField[];

export function buildIndex(docs: Iterable<SearchDocument>): lunr.Index {
  const builder = new lunr.Builder();
  configureBuilder(builder);
  builder.ref('id');
  for (const field of INDEXED_FIELDS) builder.field(field, { boost: FIELD_BOOSTS[field] });
  for (const doc of docs) builder.add({ id: doc.id, title: doc.title, keywords: doc.keywords ?? '', text: doc.text });
  return builder.build();
}

export function serializeIndex(index: lunr.Index): string {
  return JSON.stringify(index);
}

/** Loads a saved index; the pipeline functions it names are registered first. */
export function loadIndex(serialized: string | object): lunr.Index {
  registerSearchPipeline();
  return lunr.Index.load(typeof serialized === 'string' ? JSON.parse(serialized) : serialized);
}
