/** The annotations area's API types, where the renderer has always imported them from. New code imports `annotations/`. */
export type { AnnotationView, AnnotationsChangedEvent, ExportedText, TopicSummary, TopicPageData, CooccurrenceData, UndoState, AnnotationListFilter } from '../../annotations';
