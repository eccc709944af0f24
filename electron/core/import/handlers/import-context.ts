import type { AnnotationsFace } from '../../annotations/index.js';
import type { CoreContext } from '../../core-context.js';
import type { MetadataEdits } from '../../metadata-edits/index.js';
import type { Library } from './library-records.js';

/** What the import area's handlers work with: the core, the library, and the annotations and metadata-edits areas' public faces. */
export interface ImportContext extends CoreContext {
  library: Library;
  annotations: AnnotationsFace;
  /** Bibliographic corrections are that area's records. */
  metadataEdits: MetadataEdits;
}
