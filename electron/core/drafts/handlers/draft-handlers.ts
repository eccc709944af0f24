import type { draftsMethods } from '../../api/methods/drafts';
import type { AreaHandlers } from '../../core-context';
import { citationStyleIds, citationStyles } from '../../citations/styles';
import { countWords } from '../content';
import type { DraftService } from '../draft-service';
import type { WorkspaceSources } from './workspace-sources';

type ListAndEditMethods = Pick<
  typeof draftsMethods,
  | 'drafts.list'
  | 'drafts.listTrash'
  | 'drafts.get'
  | 'drafts.create'
  | 'drafts.rename'
  | 'drafts.duplicate'
  | 'drafts.trash'
  | 'drafts.restore'
  | 'drafts.purge'
  | 'drafts.save'
  | 'drafts.setStyle'
  | 'drafts.styles'
>;

/** Creating, listing, editing and trashing drafts. `changed` tells search and open views. */
export function draftHandlers(service: DraftService, sources: WorkspaceSources, changed: (draftId: string) => void): AreaHandlers<ListAndEditMethods> {
  /** Runs a change, then announces it: nothing is announced for a change that failed. */
  const announce = async <T extends { id: string }>(draftId: string | undefined, change: () => Promise<T>): Promise<T> => {
    const result = await change();
    changed(draftId ?? result.id);
    return result;
  };

  return {
    'drafts.list': () => service.list(),
    'drafts.listTrash': () => service.listTrash(),
    'drafts.get': ({ id }) => service.get(id),
    'drafts.create': ({ title, style, markdown }) =>
      announce(undefined, async () => {
        // Parse before writing anything: unknown citation keys refuse the whole import.
        // The Markdown parser loads with the first draft made from Markdown, not with the core.
        const imported = markdown === undefined ? undefined : (await import('../markdown-import')).markdownToDraftContent(markdown, sources.resolveKey);
        return service.create({
          ...(title?.trim() ? { title } : imported?.title !== undefined ? { title: imported.title } : {}),
          ...(style ? { style } : {}),
          ...(imported ? { content: imported.content } : {}),
        });
      }),
    'drafts.rename': ({ id, title }) => announce(id, () => service.rename(id, title)),
    'drafts.duplicate': ({ id }) => announce(undefined, () => service.duplicate(id)),
    'drafts.trash': ({ id }) => announce(id, () => service.trash(id)),
    'drafts.restore': ({ id }) => announce(id, () => service.restore(id)),
    'drafts.purge': async ({ id }) => {
      await service.purge(id);
      changed(id);
    },
    'drafts.save': ({ id, content }) =>
      announce(id, async () => ({ ...(await service.saveContent(id, content)), wordCount: countWords(content) })),
    'drafts.setStyle': ({ id, style }) => announce(id, () => service.setStyle(id, style)),
    'drafts.styles': () => citationStyleIds.map((styleId) => citationStyles[styleId]),
  };
}
