/** Users' corrections of document metadata: records with their author, laid over the extraction. */
import { metadataEditsCollection } from './record';

export { createMetadataEditsArea } from './area';
export { MetadataEdits } from './metadata-edits';
export { metadataEditsMethods, type MetadataEditView } from './methods';
export { metadataEditsCollection, MetadataEditRecordSchema, type MetadataEditRecord } from './record';
export { parseFieldAssignment, type MetadataFieldsPatch } from './field-values';

/** The collections this area owns. */
export const metadataEditsCollections = [metadataEditsCollection] as const;
