import type { Area, CoreContext } from '../core-context';
import { MetadataEdits } from './metadata-edits';
import type { metadataEditsMethods } from './methods';

/**
 * Users' corrections of document metadata. Created before the import area (which saves its
 * details dialog through `face`), started once the imported documents are in the index.
 */
export function createMetadataEditsArea(context: CoreContext): Area<typeof metadataEditsMethods> & { face: MetadataEdits; start(): void } {
  const edits = new MetadataEdits(context);
  let stop: (() => void) | undefined;
  return {
    face: edits,
    start: () => {
      stop ??= edits.start();
    },
    handlers: {
      'metadata.set': ({ docId, fields, note, confirm }) => edits.set(docId, fields, note, confirm),
      'metadata.revert': ({ docId, fields }) => edits.revert(docId, fields),
      'metadata.edits': ({ docId }) => edits.edits(docId),
    },
    close: async () => stop?.(),
  };
}
