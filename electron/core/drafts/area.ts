import type { Area, CoreContext } from '../core-context';
import type { draftsMethods } from '../api/methods/drafts';

/** Wires the drafts area's handlers into the core. */
export async function createDraftsArea(_context: CoreContext): Promise<Area<typeof draftsMethods>> {
  return { handlers: {} };
}
