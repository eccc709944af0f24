import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { annotationsCollection, type Annotation, type AnnotationsFace } from '../annotations';
import type { Area, CoreContext } from '../core-context';
import { draftsCollection, type DraftService } from '../drafts';
import type { RecordChange } from '../store';
import { topicsCollection } from '../topics';
import { userEntitiesCollection, type UserEntityService } from '../user-entities';
import { buildIndex } from './build-index';
import { entityToSearchDocument, searchId } from './corpus-documents';
import { SearchEngine } from './engine';
import { ImportedDocumentShards } from './imported-shards';
import type { searchMethods } from './methods';
import { RecentSearches } from './recent-searches';
import { ShardedCollection } from './user-shards';
import { allEntities, annotationDocument, bundledDocuments, draftDocument, topicDocuments } from './workspace-content';

/** Written by the corpus build next to corpus.json: the bundled corpus's lunr index. */
export function searchIndexFile(resourcesDir: string): string {
  return join(resourcesDir, 'corpus', 'search-index.json');
}

export interface SearchSources {
  annotations: AnnotationsFace;
  drafts: Pick<DraftService, 'all' | 'find'>;
  userEntities: UserEntityService;
}

/**
 * Wires search into the core: the bundled corpus index (loaded when the corpus build saved
 * one, built otherwise), and user content indexed once at start, then kept current from the
 * workspace's change feed: each change re-indexes only the records it names, in their own
 * small shards. Changes written by another process come through the same feed.
 */
export async function createSearchArea(context: CoreContext, sources: SearchSources, options: { awaitWarmUp?: boolean } = {}): Promise<Area<typeof searchMethods>> {
  const { workspace, corpus } = context;
  const corpusDocs = bundledDocuments(corpus);
  const indexFile = searchIndexFile(context.resourcesDir);
  const corpusIndex = existsSync(indexFile) ? await readFile(indexFile, 'utf8') : buildIndex(corpusDocs);
  const engine = new SearchEngine({ corpusIndex, corpusDocs, entities: allEntities(corpus, sources.userEntities.list()) });
  const { annotations, topics } = sources.annotations;

  const annotationShards = new ShardedCollection(engine, 'annotations');
  annotationShards.setAll(annotations.all().map((annotation) => annotationDocument(annotation, topics)));
  const draftShards = new ShardedCollection(engine, 'drafts');
  draftShards.setAll(sources.drafts.all().flatMap((draft) => draftDocument(draft) ?? []));
  let topicNames = new Map(topics.list().map((topic) => [topic.id, topic.name]));
  engine.setShard('topics', topicDocuments(topics.list()));
  const syncUserEntities = () => {
    const userEntities = sources.userEntities.list();
    engine.setEntities(allEntities(corpus, userEntities));
    engine.setShard('user-entities', userEntities.map(entityToSearchDocument));
  };
  syncUserEntities();
  const imported = new ImportedDocumentShards(engine, corpus);
  imported.reconcile();

  const indexAnnotation = (id: string) => {
    const annotation = annotations.get(id);
    if (annotation) annotationShards.upsert(annotationDocument(annotation, topics));
    else annotationShards.remove(searchId('annotation', id));
  };

  // The feed names every record changed since the last look; only those are indexed again.
  let cursor = workspace.lastSeq;
  const followFeed = () => {
    const { results, lastSeq } = workspace.changes(cursor, {
      collections: [annotationsCollection.name, topicsCollection.name, draftsCollection.name, userEntitiesCollection.name],
    });
    cursor = lastSeq;
    const annotationIds = new Set<string>();
    let topicsChanged = false;
    let entitiesChanged = false;
    for (const change of results) {
      if (change.collection === annotationsCollection.name) annotationIds.add(change.id);
      else if (change.collection === topicsCollection.name) topicsChanged = true;
      else if (change.collection === userEntitiesCollection.name) entitiesChanged = true;
      else if (change.collection === draftsCollection.name) {
        const stored = sources.drafts.find(change.id);
        const document = stored && draftDocument(stored);
        if (document) draftShards.upsert(document);
        else draftShards.remove(searchId('draft', change.id));
      }
    }
    if (topicsChanged) {
      engine.setShard('topics', topicDocuments(topics.list()));
      // Annotations carry their topics' names: a renamed or removed topic re-indexes the quotes coded with it.
      const renamed = new Set([...topicNames].filter(([id, name]) => topics.get(id)?.name !== name).map(([id]) => id));
      if (renamed.size > 0) for (const annotation of annotations.all()) if (annotation.topicIds.some((id) => renamed.has(id))) annotationIds.add(annotation.id);
      topicNames = new Map(topics.list().map((topic) => [topic.id, topic.name]));
    }
    for (const id of annotationIds) indexAnnotation(id);
    if (entitiesChanged) syncUserEntities();
  };
  // A saved annotation's text is analysed once its lines are written (during the fsync when
  // the disk is slow), so that indexing it once it is durable (followFeed) is a few map updates.
  const prepareAnnotations = (changes: ReadonlyArray<RecordChange<Annotation>>) => {
    const saved = changes.flatMap((change) => (change.after ? [annotationDocument(change.after, topics)] : []));
    if (saved.length > 0) annotationShards.prepare(saved);
  };
  const unsubscribe = [
    workspace.whileWriting(annotationsCollection, prepareAnnotations),
    workspace.subscribe(() => followFeed()),
    // Added, re-extracted or renamed: the shard is rebuilt from the corpus; removed: dropped.
    context.bus.on('library.changed', ({ docId }) => imported.sync(docId)),
  ];

  // Posting lists are built ahead of the first queries while the app is idle.
  const warmUp = new AbortController();
  const warmedUp = engine.warmUp({ signal: warmUp.signal });
  if (options.awaitWarmUp) await warmedUp;

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
      annotationShards.close();
      draftShards.close();
    },
  };
}
