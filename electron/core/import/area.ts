import type { Area, CoreContext } from '../core-context';
import type { importMethods } from '../api/methods/import';

/** Wires the import area's handlers into the core. */
export async function createImportArea(_context: CoreContext): Promise<Area<typeof importMethods>> {
  return { handlers: {} };
}
