import { join } from 'node:path';
import type { AnnotationsFace } from '../annotations';
import type { ReferenceLibrary } from '../references';
import type { Area, CoreContext } from '../core-context';
import { CslRepository } from '../citations/styles';
import { DraftService } from './draft-service';
import { draftHandlers } from './handlers/draft-handlers';
import { exportHandlers } from './handlers/export-handlers';
import { formatHandler } from './handlers/format-handler';
import { tableHandlers } from './handlers/table-handlers';
import { workspaceSources } from './handlers/workspace-sources';
import type { draftsMethods } from './methods';

/**
 * Wires drafts into the core: the service over the workspace's drafts, citations resolved
 * against the live corpus and (through the annotations area) annotations, the CSL styles
 * from the resources. Open views hear of every change to a draft, including the CLI's.
 */
export async function createDraftsArea(context: CoreContext, deps: { annotations: AnnotationsFace; references: ReferenceLibrary }): Promise<Area<typeof draftsMethods> & { face: DraftService }> {
  const service = new DraftService(context.workspace);
  // The annotations area asks which drafts cite an annotation before deleting it.
  deps.annotations.annotations.attachCitations((annotationId) => service.citing(annotationId));
  // So does the reference library before deleting a reference.
  deps.references.attachCitations((referenceId) => service.citing(referenceId, 'reference'));
  const sources = workspaceSources(context.corpus, deps.annotations.annotations, deps.references);
  const csl = new CslRepository(join(context.resourcesDir, 'csl'));
  const stop = service.onChange((changes) => context.publish('drafts.changed', { draftIds: [...new Set(changes.map((change) => change.id))] }));
  return {
    handlers: {
      ...draftHandlers(service, sources),
      ...tableHandlers(service, sources),
      ...formatHandler(sources, csl),
      ...exportHandlers(service, sources, csl),
    },
    face: service,
    close: async () => stop(),
  };
}
