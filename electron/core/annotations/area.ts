import type { Area, CoreContext } from '../core-context';
import { topicsCollection } from '../topics';
import type { UserEntityService } from '../user-entities';
import { annotationsCollection } from './annotation-schema';
import { createCodingServices } from './coding-services';
import { DocumentNotes } from './document-notes';
import { corpusLookupFromIndex } from './corpus-index-lookup';
import type { CorpusLookup } from './corpus-lookup';
import type { AnnotationsFace } from './face';
import { annotationHandlers } from './handlers/annotation-handlers';
import { publishAnnotationChanges } from './handlers/change-events';
import { exportAndUndoHandlers } from './handlers/export-handlers';
import { topicHandlers } from './handlers/topic-handlers';
import type { annotationsMethods } from './methods';
import { colorMeaningsCollection } from './palette';

/**
 * Wires annotations, the codebook, coding analysis, undo and exports into the core. One
 * undo stack per core: the app's Edit > Undo steps back through every coding edit.
 */
export async function createAnnotationsArea(
  context: CoreContext,
  deps: { userEntities: UserEntityService },
): Promise<Area<typeof annotationsMethods> & { face: AnnotationsFace; nameUsersWith(userNames: () => ReadonlyMap<string, string>): void }> {
  const { workspace } = context;
  // The team area knows users' names and starts after this one: it is handed in when it has.
  let userNames: () => ReadonlyMap<string, string> = () => new Map();
  // Cases belong to the interviews area, created later: it attaches how to read a quote's attributes.
  let caseAttributes: (docId: string, speaker: string | undefined) => Record<string, string> = () => ({});
  const lookup: CorpusLookup = {
    ...corpusLookupFromIndex(context.corpus, { userEntities: () => deps.userEntities.list() }),
    caseAttributes: (docId, speaker) => caseAttributes(docId, speaker),
  };
  const services = createCodingServices(workspace, lookup);
  const stopPublishing = publishAnnotationChanges(
    context,
    { annotations: workspace.records(annotationsCollection), topics: workspace.records(topicsCollection) },
    services.undo,
  );
  const documentNotes = new DocumentNotes(context, lookup);
  const stopPublishingNotes = documentNotes.publishChanges();

  // A document whose text changed (an import re-extracted) gets its annotations re-anchored.
  const reanchor = async (docId: string) => {
    if (workspace.readOnly || !lookup.getDocumentText(docId)) return;
    await services.annotations.reanchorAll(docId);
  };
  const unsubscribe = context.bus.on('library.changed', ({ docId, change, annotationsPlaced }) => {
    if ((change === 'updated' && !annotationsPlaced) || change === 'added') void reanchor(docId).catch(() => undefined);
  });
  // The bundled corpus may have been rebuilt since the annotations were made.
  for (const docId of services.annotations.documentIds()) await reanchor(docId).catch(() => undefined);

  return {
    handlers: {
      ...annotationHandlers(services, lookup, { workspace, meanings: workspace.records(colorMeaningsCollection) }),
      ...topicHandlers(services, lookup),
      ...exportAndUndoHandlers(services, lookup, documentNotes, () => ({ projectId: workspace.identity.projectId, userNames: userNames() })),
      'annotations.documentNote': ({ docId }) => documentNotes.get(docId),
      'annotations.documentNotes': () => documentNotes.list(),
      'annotations.setDocumentNote': ({ docId, text }) => documentNotes.set(docId, text),
    },
    face: {
      annotations: services.annotations,
      topics: services.topics,
      documentNotes,
      undo: services.undo,
      runUndoable: (command) => services.undo.execute(command),
      attachCaseAttributes: (provider) => {
        caseAttributes = provider;
      },
    },
    nameUsersWith: (names) => {
      userNames = names;
    },
    close: async () => {
      unsubscribe();
      stopPublishing();
      stopPublishingNotes();
      services.annotations.close();
    },
  };
}
