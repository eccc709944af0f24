import type { Area, CoreContext } from '../core-context';
import type { annotationsMethods } from '../api/methods/annotations';

/** Wires the annotations area's handlers into the core. */
export async function createAnnotationsArea(_context: CoreContext): Promise<Area<typeof annotationsMethods>> {
  return { handlers: {} };
}
