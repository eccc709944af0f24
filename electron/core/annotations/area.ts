import type { Area, CoreContext } from '../core-context';
import type { annotationsMethods } from '../api/methods/annotations';
import type { CollectionHandle } from '../store/types';
import type { TopicsData } from '../topics/topic-schema';
import type { AnnotationsData } from './annotation-schema';
import { createCodingServices } from './coding-services';
import { corpusLookupFromIndex } from './corpus-index-lookup';
import { annotationHandlers } from './handlers/annotation-handlers';
import { ChangeTracker } from './handlers/change-tracker';
import { exportAndUndoHandlers } from './handlers/export-handlers';
import { topicHandlers } from './handlers/topic-handlers';

/**
 * Wires annotations, the codebook, coding analysis, undo and exports into the core. One
 * undo stack per core: the app's Edit > Undo steps back through every coding edit.
 */
export async function createAnnotationsArea(context: CoreContext): Promise<Area<typeof annotationsMethods>> {
  const { workspace } = context;
  const lookup = corpusLookupFromIndex(context.corpus, {
    userEntities: () => workspace.userEntities.get().entities.map((entity) => ({ id: String(entity.id), name: String(entity.name ?? entity.id) })),
  });
  // The envelope schema of the store only checks the shape of the file; the services validate each record.
  const services = createCodingServices({
    annotations: workspace.annotations as unknown as CollectionHandle<AnnotationsData>,
    topics: workspace.topics as unknown as CollectionHandle<TopicsData>,
    lookup,
  });
  const tracker = new ChangeTracker(context, services);

  // A document whose text changed (an import re-extracted) gets its annotations re-anchored.
  const reanchor = async (docId: string) => {
    if (workspace.readOnly || !lookup.getDocumentText(docId)) return;
    await tracker.track(() => services.annotations.reanchorAll(docId));
  };
  const unsubscribe = context.bus.on('library.changed', ({ docId, change }) => {
    if (change === 'updated' || change === 'added') void reanchor(docId).catch(() => undefined);
  });
  // The bundled corpus may have been rebuilt since the annotations were made.
  for (const docId of new Set(services.annotations.list().map((annotation) => annotation.docId))) await reanchor(docId).catch(() => undefined);

  return {
    handlers: {
      ...annotationHandlers(services, lookup, workspace.settings, tracker),
      ...topicHandlers(services, lookup, tracker),
      ...exportAndUndoHandlers(services, lookup, tracker),
    },
    close: async () => unsubscribe(),
  };
}
