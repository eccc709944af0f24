import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Area, CoreContext } from '../core-context';
import type { searchMethods } from '../api/methods/search';
import { buildIndex } from './build-index';
import { entityToSearchDocument } from './corpus-documents';
import { SearchEngine } from './engine';
import { ShardedCollection } from './user-shards';
import {
  allEntities,
  annotationDocuments,
  bundledDocuments,
  draftDocuments,
  topicDocuments,
} from './workspace-content';
import { EntitySchema } from '../corpus/schema';
import { RecentSearches } from './recent-searches';
import { ImportedDocumentShards } from './imported-shards';

/** Written by the corpus build next to corpus.json: the bundled corpus's lunr index. */
export function searchIndexFile(resourcesDir: string): string {
  return join(resourcesDir, 'corpus', 'search-index.json');
}

/**
 * Wires search into the core: the bundled corpus index (loaded when the corpus build saved
 * one, built otherwise), and user content kept current from the domain events, each change
 * re-indexing only its own small shard.
 */
export async function createSearchArea(context: CoreContext): Promise<Area<typeof searchMethods>> {
  const { workspace, corpus, bus } = context;
  const corpusDocs = bundledDocuments(corpus);
  const indexFile = searchIndexFile(context.resourcesDir);
  const corpusIndex = existsSync(indexFile) ? await readFile(indexFile, 'utf8') : buildIndex(corpusDocs);
  const engine = new SearchEngine({ corpusIndex, corpusDocs, entities: allEntities(corpus, workspace) });

  const annotations = new ShardedCollection(engine, 'annotations');
  annotations.setAll(annotationDocuments(workspace));
  const syncAnnotations = diffingSync(annotations, () => annotationDocuments(workspace));
  const syncTopics = () => engine.setShard('topics', topicDocuments(workspace));
  const syncDrafts = () => engine.setShard('drafts', draftDocuments(workspace));
  const syncUserEntities = () => {
    engine.setEntities(allEntities(corpus, workspace));
    const userEntities = workspace.userEntities.get().entities.flatMap((record) => {
      const parsed = EntitySchema.safeParse(record);
      return parsed.success ? [entityToSearchDocument(parsed.data)] : [];
    });
    engine.setShard('user-entities', userEntities);
  };
  const imported = new ImportedDocumentShards(engine, corpus);
  syncTopics();
  syncDrafts();
  syncUserEntities();
  imported.reconcile();

  const unsubscribe = [
    bus.on('annotations.changed', () => syncAnnotations()),
    // Annotations carry their topics' names, so a renamed topic re-indexes them too.
    bus.on('topics.changed', () => {
      syncTopics();
      syncAnnotations();
    }),
    bus.on('drafts.changed', () => syncDrafts()),
    // Added, re-extracted or renamed: the shard is rebuilt from the corpus; removed: dropped.
    bus.on('library.changed', ({ docId }) => imported.sync(docId)),
  ];

  // Posting lists are built ahead of the first queries while the app is idle.
  const warmUp = new AbortController();
  void engine.warmUp({ signal: warmUp.signal });

  const recent = new RecentSearches(workspace);
  return {
    handlers: {
      'search.query': (args) => {
        imported.reconcile();
        return engine.search(args.query, { limit: args.limit, types: args.types, filters: args.filters, prefix: args.prefix });
      },
      'search.recent': () => recent.list(),
      'search.remember': ({ query }) => recent.remember(query),
    },
    close: async () => {
      warmUp.abort();
      for (const off of unsubscribe) off();
    },
  };
}

/**
 * Applies only what changed since the last sync: with 10,000 annotations, one edit must not
 * re-index all of them. Documents are compared by their indexed content.
 */
function diffingSync(collection: ShardedCollection, read: () => ReturnType<typeof annotationDocuments>): () => void {
  let known = new Map(read().map((doc) => [doc.id, JSON.stringify(doc)]));
  return () => {
    const current = read();
    const next = new Map(current.map((doc) => [doc.id, JSON.stringify(doc)]));
    for (const doc of current) if (known.get(doc.id) !== next.get(doc.id)) collection.upsert(doc);
    for (const id of known.keys()) if (!next.has(id)) collection.remove(id);
    known = next;
  };
}
