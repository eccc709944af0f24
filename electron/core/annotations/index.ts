/**
 * The annotations area: annotations and their topics (coding), the palette, coding
 * analysis, undo, exports; its records, services, API methods and CLI commands. Other
 * areas and the kernel import from here only.
 */
import { annotationsCollection } from './annotation-schema';
import { colorMeaningsCollection } from './palette';
import { annotationTombstonesCollection } from './tombstones';
import { documentNotesCollection } from './document-notes';

export { AnnotationSchema, AnnotationTargetSchema, anchorStatuses, annotationsCollection } from './annotation-schema';
export type { Annotation, AnnotationTarget } from './annotation-schema';
export { AnnotationService } from './annotation-service';
export type { AnnotationContent, AnnotationEdit, ImportedAnnotationInput, AnnotationServiceOptions, CreateAnnotationInput, ReanchorReport, RemovedDocumentAnnotations } from './annotation-service';
export type { TargetInput } from './annotation-target';
export type { AnnotationFilter } from './annotation-filter';
export type { CooccurrenceMatrix, TopicCount } from './coding-statistics';
export type { TopicPage, TopicPageQuote } from './topic-page';
export type { CorpusLookup } from './corpus-lookup';
export { colorKeys, palette, defaultColor, isColorKey, describePalette, setColorMeaning, colorMeaningsCollection } from './palette';
export type { ColorKey, ColorMeaning, PaletteEntry } from './palette';
export { createCodingServices } from './coding-services';
export type { CodingServices } from './coding-services';
export { timeSpanOf, timeSpanOfRanges, type TimeSpan } from './time-span';
export { corpusLookupFromIndex } from './corpus-index-lookup';
export type { UserEntitySource } from './corpus-index-lookup';
export { createAnnotationsArea } from './area';
export { annotationTombstonesCollection, citedDeleteChoices } from './tombstones';
export type { AnnotationTombstone, CitingDraft, CitingDraftsQuery, CitedDeleteChoice } from './tombstones';
export type { AnnotationsFace } from './face';
export { documentNotesCollection, DOCUMENT_NOTE_MAX } from './document-notes';
export type { DocumentNoteView, DocumentNoteRecord } from './document-notes';
export { annotationsMethods, annotationExportFormats } from './methods';
export type { AnnotationView, AnnotationListFilter, TopicSummary, TopicPageData, CooccurrenceData, UndoState, ExportedText, AnnotationsChangedEvent } from './methods';
export { registerAnnotationsCommands } from './cli';
export * from './export';

/** The collections this area owns. */
export const annotationsCollections = [annotationsCollection, colorMeaningsCollection, annotationTombstonesCollection, documentNotesCollection] as const;
