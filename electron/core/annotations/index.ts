export { AnnotationSchema, AnnotationTargetSchema, anchorStatuses } from './annotation-schema';
export type { Annotation, AnnotationTarget, AnnotationsData } from './annotation-schema';
export { AnnotationService } from './annotation-service';
export type {
  AnnotationContent,
  AnnotationPatch,
  AnnotationServiceOptions,
  CreateFromQuoteInput,
  CreateFromSelectionInput,
  ReanchorReport,
} from './annotation-service';
export type { AnnotationFilter } from './annotation-filter';
export type { CooccurrenceMatrix, TopicCount } from './coding-statistics';
export type { TopicPage, TopicPageQuote } from './topic-page';
export type { CorpusLookup } from './corpus-lookup';
export { colorKeys, palette, defaultColor, isColorKey, describePalette, setColorMeaning } from './palette';
export type { ColorKey, ColorMeaningSettings, PaletteEntry } from './palette';
export { createCodingServices } from './coding-services';
export type { CodingServices } from './coding-services';
export { foldForSearch } from './text-folding';
export { corpusLookupFromIndex } from './corpus-index-lookup';
export type { UserEntitySource } from './corpus-index-lookup';
