import type { Area, CoreContext } from '../core-context';
import type { searchMethods } from '../api/methods/search';

/** Wires the search area's handlers into the core. */
export async function createSearchArea(_context: CoreContext): Promise<Area<typeof searchMethods>> {
  return { handlers: {} };
}
