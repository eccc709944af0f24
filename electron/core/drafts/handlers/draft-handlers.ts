import type { AreaHandlers } from '../../core-context';
import type { draftsMethods } from '../methods';
import { citationStyleIds, citationStyles } from '../../citations/styles';
import { WorkbenchError } from '../../api/errors';
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
  | 'drafts.appendCitation'
>;

/** Creating, listing, editing and trashing drafts. Search and open views hear of changes from the store. */
export function draftHandlers(service: DraftService, sources: WorkspaceSources): AreaHandlers<ListAndEditMethods> {
  return {
    'drafts.list': () => service.list(),
    'drafts.listTrash': () => service.listTrash(),
    'drafts.get': ({ id }) => service.get(id),
    'drafts.create': async ({ title, style, markdown }) => {
      // Parse before writing anything: unknown citation keys refuse the whole import.
      // The Markdown parser loads with the first draft made from Markdown, not with the core.
      const imported = markdown === undefined ? undefined : (await import('../markdown-import')).markdownToDraftContent(markdown, sources.resolveKey);
      return service.create({
        ...(title?.trim() ? { title } : imported?.title !== undefined ? { title: imported.title } : {}),
        ...(style ? { style } : {}),
        ...(imported ? { content: imported.content } : {}),
      });
    },
    'drafts.rename': ({ id, title }) => service.rename(id, title),
    'drafts.duplicate': ({ id }) => service.duplicate(id),
    'drafts.trash': ({ id }) => service.trash(id),
    'drafts.restore': ({ id }) => service.restore(id),
    'drafts.purge': ({ id }) => service.purge(id),
    'drafts.save': async ({ id, content }) => ({ ...(await service.saveContent(id, content)), wordCount: countWords(content) }),
    'drafts.setStyle': ({ id, style }) => service.setStyle(id, style),
    'drafts.appendCitation': ({ id, citation }) => {
      // A citation must resolve before it is written: a draft never stores a dangling one.
      const resolved = sources.resolve({ kind: citation.targetKind, id: citation.targetId, docId: citation.docId });
      if (!resolved) throw new WorkbenchError('BAD_REQUEST', `Nothing to cite: no ${citation.targetKind} "${citation.targetId}".`);
      // A reference is its own "document": its docId is its id.
      const owner = resolved.document ? resolved.document.id : citation.targetId;
      if (owner !== citation.docId) {
        throw new WorkbenchError('BAD_REQUEST', `The ${citation.targetKind} "${citation.targetId}" belongs to "${owner}", not "${citation.docId}".`);
      }
      return service.appendCitation(id, citation);
    },
    'drafts.styles': () => citationStyleIds.map((styleId) => citationStyles[styleId]),
  };
}
