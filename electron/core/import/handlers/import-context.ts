import type { AnnotationsFace } from '../../annotations/index.js';
import type { CoreContext } from '../../core-context.js';
import type { Library } from './library-records.js';

/** What the import area's handlers work with: the core, the library, and the annotations area's public face. */
export interface ImportContext extends CoreContext {
  library: Library;
  annotations: AnnotationsFace;
}
