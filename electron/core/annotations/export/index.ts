export { exportAnnotationsMarkdown } from './markdown';
export { exportAnnotationsCsv, csvColumns } from './csv';
export { toWebAnnotation, toWebAnnotationCollection, exportWebAnnotations, defaultPageSize, maxPages } from './web-annotation';
export type { WebAnnotation, WebAnnotationBody, WebAnnotationOptions, WebAnnotationCollection, WebAnnotationCollectionOptions, WebAnnotationPage } from './web-annotation';
export { annotationIri, defaultSourceIri, webAnnotationContext, workbenchContext, workbenchVocabulary, workbenchIri, parseWorkbenchIri } from './web-annotation-vocabulary';
export type { WorkbenchIriKind } from './web-annotation-vocabulary';
export { exportRefiQdaCodebook, topicGuid, refiQdaCodebookNamespace } from './refi-qda-codebook';
export { deterministicUuid } from './deterministic-uuid';
