import type { AreaHandlers } from '../../core-context';
import { checkCitation, citedTableBlocks } from '../cited-table';
import type { DraftService } from '../draft-service';
import type { draftsMethods } from '../methods';
import type { WorkspaceSources } from './workspace-sources';

/** Tables that cite their rows' sources, appended to a draft ("Cite in draft…" from the evidence views). */
export function tableHandlers(service: DraftService, sources: WorkspaceSources): AreaHandlers<Pick<typeof draftsMethods, 'drafts.appendTable'>> {
  return {
    'drafts.appendTable': ({ id, table }) => {
      // Every citation must resolve before anything is written: a draft never stores a dangling one.
      for (const row of table.rows) for (const citation of row.citations) checkCitation(sources, citation);
      return service.appendBlocks(id, citedTableBlocks(table));
    },
  };
}
