/** The reference library: works imported from BibTeX, RIS and CSL-JSON, cited by key in drafts. */
import { referencesCollection } from './record';

export { createReferencesArea, type ReferencesArea } from './area';
export { ReferenceLibrary } from './reference-library';
export { referencesMethods, type ReferenceView, type ReferenceImportSummary, type ReferencesChangedEvent, type CitingDraftView } from './methods';
export { referencesCollection, ReferenceRecordSchema, type ReferenceRecord } from './record';
export type { CslData } from './csl-data';
export { registerReferencesCommands } from './cli';

/** The collections this area owns. */
export const referencesCollections = [referencesCollection] as const;
