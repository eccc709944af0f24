import { join } from 'node:path';
import type { Area, CoreContext } from '../core-context';
import type { draftsMethods } from '../api/methods/drafts';
import { CslRepository } from '../citations/styles';
import type { CollectionHandle } from '../store/types';
import { DraftService } from './draft-service';
import type { DraftsCollection } from './model';
import { draftHandlers } from './handlers/draft-handlers';
import { exportHandlers } from './handlers/export-handlers';
import { formatHandler } from './handlers/format-handler';
import { workspaceSources } from './handlers/workspace-sources';

/**
 * Wires drafts into the core: the service over the workspace's drafts file, citations
 * resolved against the live corpus and annotations, the CSL styles from the resources.
 */
export async function createDraftsArea(context: CoreContext): Promise<Area<typeof draftsMethods>> {
  const { workspace, corpus } = context;
  // The store's envelope only checks the file's shape; the service validates each draft.
  const service = new DraftService(workspace.drafts as unknown as CollectionHandle<DraftsCollection>);
  const sources = workspaceSources(corpus, workspace);
  const csl = new CslRepository(join(context.resourcesDir, 'csl'));
  const changed = (draftId: string) => {
    context.bus.emit('drafts.changed', { draftIds: [draftId] });
    context.publish('drafts.changed', { draftIds: [draftId] });
  };
  return {
    handlers: {
      ...draftHandlers(service, sources, changed),
      ...formatHandler(sources, csl),
      ...exportHandlers(service, sources, csl),
    },
  };
}
